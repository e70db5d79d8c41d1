namespace Cunzhi.Web;

/// <summary>
/// Marker for the shared string table. Keys are the Chinese text itself, so zh-CN needs no
/// resource file; Resources/SharedResource.en.resx holds the English.
/// </summary>
public sealed class SharedResource;
