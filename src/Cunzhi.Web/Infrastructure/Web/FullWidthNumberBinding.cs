using Cunzhi.Domain.Common;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Binders;

namespace Cunzhi.Web.Infrastructure.Web;

/// <summary>
/// Page form and query numbers typed in full width (<c>１２０．５</c>, a phone's Chinese keyboard) are read as the
/// number they are (<see cref="NumberText"/>) instead of failing binding with "值无效". Applies to every int, long,
/// short, decimal, double and float (and their nullable forms) bound by Razor Pages.
/// </summary>
public sealed class FullWidthNumberBinderProvider : IModelBinderProvider
{
    private static readonly HashSet<Type> Numbers = [typeof(int), typeof(long), typeof(short), typeof(decimal), typeof(double), typeof(float)];

    public IModelBinder? GetBinder(ModelBinderProviderContext context)
    {
        var type = Nullable.GetUnderlyingType(context.Metadata.ModelType) ?? context.Metadata.ModelType;
        if (!Numbers.Contains(type) || context.Metadata.IsComplexType) return null;
        var logger = context.Services.GetRequiredService<ILoggerFactory>();
        return new Binder(new SimpleTypeModelBinder(context.Metadata.ModelType, logger));
    }

    private sealed class Binder(IModelBinder inner) : IModelBinder
    {
        public async Task BindModelAsync(ModelBindingContext context)
        {
            var original = context.ValueProvider;
            context.ValueProvider = new Normalizing(original);
            try { await inner.BindModelAsync(context); }
            finally { context.ValueProvider = original; }
        }
    }

    private sealed class Normalizing(IValueProvider inner) : IValueProvider
    {
        public bool ContainsPrefix(string prefix) => inner.ContainsPrefix(prefix);

        public ValueProviderResult GetValue(string key)
        {
            var result = inner.GetValue(key);
            if (result == ValueProviderResult.None) return result;
            var values = result.Values.Select(v => v is null ? null : NumberText.Normalize(v)).ToArray();
            return new ValueProviderResult(new Microsoft.Extensions.Primitives.StringValues(values), result.Culture);
        }
    }
}
