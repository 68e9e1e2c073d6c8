"""Link reports: lychee's findings over the built site, as a list an editor can act on."""
