"""Site search with Pagefind: which pages are indexed, and the index built over the finished site.

The index is split into chunks that the browser fetches per query (docs/javascripts/search/),
so a visitor who never opens the search pays nothing for it, whatever the site's size.
"""
