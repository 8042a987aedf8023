"""The 404 page is the default language's (a MkDocs hook, mkdocs.yml `hooks:`).

mkdocs-static-i18n builds the site once per language into the same folder, and each build writes
404.html: the last language's would win, with `<html lang="en">`, English header buttons, a search that
asks a host named "en" for its index (the page's base "/" plus "/en/" makes "//en/") and a language
switcher leading to whichever page was built last. The default language is built first; its 404 page
(search from the root, a switcher to the three home pages) is kept and written by every later build.
The page itself speaks all three languages, each part marked with its own `lang` (overrides/404.html).
"""

_kept = {}  # site folder -> the default language's 404.html of this build


def _default_language(config):
    i18n = config.plugins.get("i18n")
    languages = i18n.config.languages if i18n else []
    return next((language.locale for language in languages if language.default), config.theme["language"])


def on_post_template(output_content, template_name, config):
    if template_name != "404.html":
        return output_content
    if config.theme["language"] == _default_language(config):
        _kept[config.site_dir] = output_content
        return output_content
    return _kept.get(config.site_dir, output_content)
