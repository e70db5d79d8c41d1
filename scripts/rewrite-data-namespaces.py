#!/usr/bin/env python3
"""Points C# and Razor files at the namespaces of the types that moved out of Cunzhi.Web (#16 item 6).

The data context, its configurations and what saving needs moved to src/Cunzhi.Data, each provider's migrations to
src/Cunzhi.Migrations.<Provider>. This script
  0. moves files that a merge left in the old folders (a new migration or entity configuration) to the new projects,
  1. gives every file in those projects the namespace of its folder,
  2. rewrites qualified names of the moved types (Cunzhi.Web.Infrastructure.Data.AppDbContext, Infrastructure.Security.AppUser,
     the entity names inside model snapshots) to their new namespace,
  3. adds `using <new>;` where a file uses a moved type it saw through the old namespace, drops `using <old>;` where
     nothing the file uses is left there, and puts it back where a merge dropped it but the file uses what is left.
Moved types are read from the new projects and remaining ones from src/, so the script also works on files written
after it (a merge from main): run it again after any merge. Running it twice changes nothing.

Usage: python3 scripts/rewrite-data-namespaces.py [repository root]   (prints the files it changed)
"""
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(sys.argv[1] if len(sys.argv) > 1 else Path(__file__).resolve().parent.parent)

# old namespace -> (new namespace, folder whose .cs files, not those of its subfolders, hold that namespace's moved types)
MOVES = {
    "Cunzhi.Web.Infrastructure.Data": ("Cunzhi.Data", "src/Cunzhi.Data"),
    "Cunzhi.Web.Infrastructure.Data.Configurations": ("Cunzhi.Data.Configurations", "src/Cunzhi.Data/Configurations"),
    "Cunzhi.Web.Infrastructure.Auditing": ("Cunzhi.Data.Auditing", "src/Cunzhi.Data/Auditing"),
    "Cunzhi.Web.Infrastructure.Security": ("Cunzhi.Data.Security", "src/Cunzhi.Data/Security"),
    "Cunzhi.Web.Infrastructure.Data.Migrations.Sqlite": ("Cunzhi.Migrations.Sqlite", "src/Cunzhi.Migrations.Sqlite/Migrations"),
    "Cunzhi.Web.Infrastructure.Data.Migrations.Postgres": ("Cunzhi.Migrations.Postgres", "src/Cunzhi.Migrations.Postgres/Migrations"),
}
# Folders of the new projects that hold no moved types but still follow the folder rule (the design-time factories).
PROJECT_ROOTS = {"src/Cunzhi.Migrations.Sqlite": "Cunzhi.Migrations.Sqlite", "src/Cunzhi.Migrations.Postgres": "Cunzhi.Migrations.Postgres"}
# Old folders whose files belong in a new project, each file as it is (migrations by their id, so nothing is renamed).
OLD_FOLDERS = {
    "src/Cunzhi.Web/Infrastructure/Data/Migrations/Sqlite": "src/Cunzhi.Migrations.Sqlite/Migrations",
    "src/Cunzhi.Web/Infrastructure/Data/Migrations/Postgres": "src/Cunzhi.Migrations.Postgres/Migrations",
    "src/Cunzhi.Web/Infrastructure/Data/Configurations": "src/Cunzhi.Data/Configurations",
}
SCANNED = ["src", "tests", "bench"]
SKIPPED_DIRS = {"bin", "obj", "node_modules", "wwwroot"}

NAMESPACE = re.compile(r"^(namespace\s+)([\w.]+)(\s*;|\s*$)", re.M)
TYPE_DECL = re.compile(
    r"^(?P<indent>[ \t]*)(?:(?:public|internal|private|protected|static|sealed|abstract|partial|readonly|file|ref|unsafe|new)\s+)*"
    r"(?:class|record(?:\s+struct|\s+class)?|struct|enum|interface|delegate\s+[\w<>\[\],.? ]+?)\s+(?P<name>\w+)", re.M)
EXTENSION = re.compile(r"\bstatic\s+[\w<>\[\],.? ]+?\s+(\w+)\s*(?:<[^>(]*>)?\s*\(\s*this\s")
USING = re.compile(r"^\ufeff?(?P<at>@?)using\s+(?P<ns>[\w.]+)\s*;?[ \t]*\r?$", re.M)


def source_files():
    for top in SCANNED:
        base = ROOT / top
        if not base.exists():
            continue
        for path in sorted(base.rglob("*")):
            if path.suffix in (".cs", ".cshtml") and path.is_file() and not SKIPPED_DIRS & set(path.relative_to(ROOT).parts):
                yield path


def file_namespace(text):
    m = NAMESPACE.search(text)
    return m.group(2) if m else None


def top_level_types(text):
    """Names declared directly in the file's namespace (indent 0 under `namespace X;`, one level under `namespace X {`)."""
    m = NAMESPACE.search(text)
    block = m is not None and not m.group(3).strip().endswith(";")
    names = set()
    for t in TYPE_DECL.finditer(text):
        indent = t.group("indent").replace("\t", "    ")
        if (block and len(indent) == 4) or (not block and indent == ""):
            names.add(t.group("name"))
    return names


def folder_namespace(rel):
    """The namespace a file in one of the new projects must have, or None for files elsewhere."""
    folder = rel.parent.as_posix()
    for new, home in MOVES.values():
        if folder == home:
            return new
    return PROJECT_ROOTS.get(folder)


def usage(names):
    """Simple (unqualified) use of any of the names; `.Name(` counts for extension methods."""
    if not names:
        return None
    alternatives = "|".join(sorted(map(re.escape, names)))
    return re.compile(r"(?<![\w.])(?:" + alternatives + r")\b")


def extension_usage(names):
    if not names:
        return None
    return re.compile(r"\.(?:" + "|".join(sorted(map(re.escape, names))) + r")\s*(?:<[^>;()]*>)?\s*\(")


def qualified(old, types):
    """Old-namespace qualified names of moved types, also written relative to Cunzhi or Cunzhi.Web."""
    tail = old[len("Cunzhi.Web."):]
    return re.compile(r"(?<![\w.])(global::)?(?:Cunzhi\.Web\.|Web\.)?" + re.escape(tail) + r"\.(" + "|".join(sorted(types)) + r")\b")


def add_using(text, ns, razor):
    line = ("@using " if razor else "using ") + ns + ("" if razor else ";")
    newline = "\r\n" if "\r\n" in text else "\n"
    usings = [m for m in USING.finditer(text) if bool(m.group("at")) == razor]
    if not usings:
        if razor:
            return line + newline + text
        bom = "\ufeff" if text.startswith("\ufeff") else ""
        return bom + line + newline + newline + text[len(bom):]
    # Keep the usual order: System first, then alphabetical.
    key = lambda n: (not n.startswith("System"), n)
    after = [m for m in usings if key(m.group("ns")) > key(ns)]
    if after:
        at = after[0].start("at")
        return text[:at] + line + newline + text[at:]
    last = usings[-1]
    return text[:last.end()] + newline + line + text[last.end():]


def remove_using(text, ns, razor):
    pattern = re.compile(r"^(\ufeff?)" + ("@" if razor else "") + r"using\s+" + re.escape(ns) + r"\s*;?[ \t]*\r?\n", re.M)
    return pattern.sub(lambda m: m.group(1), text, count=1)


COMMENT = re.compile(r"(?<![:\w])//[^\n]*|/\*.*?\*/|@\*.*?\*@", re.S)


def strip_usings(text):
    """The code that can use a type: without using lines and comments."""
    return COMMENT.sub("", USING.sub("", text))


def move_left_behind():
    for old, new in OLD_FOLDERS.items():
        folder = ROOT / old
        if not folder.is_dir():
            continue
        for path in sorted(folder.glob("*.cs")):
            target = ROOT / new / path.name
            if target.exists():
                sys.exit(f"{path.relative_to(ROOT)}: {target.relative_to(ROOT)} exists already; merge the two by hand")
            moved = subprocess.run(["git", "-C", str(ROOT), "mv", str(path), str(target)], capture_output=True).returncode == 0
            if not moved:
                path.rename(target)
            print(f"{path.relative_to(ROOT)} -> {target.relative_to(ROOT)}")
        for emptied in (folder, folder.parent):
            if emptied.is_dir() and not any(emptied.iterdir()) and emptied.name in ("Sqlite", "Postgres", "Migrations", "Configurations"):
                emptied.rmdir()


def main():
    move_left_behind()
    files = list(source_files())
    on_disk = {p: p.open(encoding="utf-8", newline="").read() for p in files}
    texts = dict(on_disk)

    # 1. Folder namespaces in the new projects.
    for p in files:
        want = folder_namespace(p.relative_to(ROOT))
        if want is None:
            continue
        texts[p] = NAMESPACE.sub(lambda m: m.group(1) + want + m.group(3), texts[p], count=1)

    # Moved types per old namespace, and what every old namespace still declares (with its extension methods).
    moved = {old: set() for old in MOVES}
    remaining = {old: set() for old in MOVES}
    remaining_ext = {old: set() for old in MOVES}
    for p in files:
        rel = p.relative_to(ROOT)
        ns = file_namespace(texts[p])
        for old, (new, home) in MOVES.items():
            if rel.parent.as_posix() == home:
                moved[old] |= top_level_types(texts[p])
            if ns == old and rel.parts[0] == "src":
                remaining[old] |= top_level_types(texts[p])
                remaining_ext[old] |= set(EXTENSION.findall(texts[p]))
    qualifiers = {old: qualified(old, types) for old, types in moved.items() if types}

    for p in files:
        text = texts[p]
        razor = p.suffix == ".cshtml"
        # 2. Qualified names.
        for old, q in qualifiers.items():
            text = q.sub(lambda m: (m.group(1) or "") + MOVES[old][0] + "." + m.group(2), text)
        # 3. Usings.
        own = file_namespace(text) or ""
        imported = {m.group("ns") for m in USING.finditer(text) if bool(m.group("at")) == razor}
        for old, (new, _) in MOVES.items():
            inside_old = own == old or own.startswith(old + ".")
            inside_new = own == new or own.startswith(new + ".")
            sees_old = old in imported or inside_old
            if inside_new:
                continue
            body = strip_usings(text)
            rest, rest_ext = usage(remaining[old]), extension_usage(remaining_ext[old])
            still_used = (rest is not None and rest.search(body)) or (rest_ext is not None and rest_ext.search(body))
            if not sees_old:
                # A merge can drop `using <old>;` (removed here, kept by the other side) from a file that the other side
                # made use what stayed in the web app (PermissionPolicies' User.Can): put it back.
                in_new_project = folder_namespace(p.relative_to(ROOT)) is not None
                if new in imported and still_used and not razor and not in_new_project:
                    text = add_using(text, old, razor)
                    imported.add(old)
                continue
            uses_moved = usage(moved[old])
            view_imports = p.name == "_ViewImports.cshtml"
            needs_new = (view_imports and old in imported) or (uses_moved is not None and uses_moved.search(strip_usings(text)))
            if needs_new and new not in imported:
                text = add_using(text, new, razor)
                imported.add(new)
            if old in imported and (new in imported or not remaining[old]):
                if not still_used and not view_imports:
                    text = remove_using(text, old, razor)
                    imported.discard(old)
        if text != on_disk[p]:
            with p.open("w", encoding="utf-8", newline="") as out:
                out.write(text)
            print(p.relative_to(ROOT))


if __name__ == "__main__":
    main()
