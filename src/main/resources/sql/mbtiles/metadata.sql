-- MBTiles 1.3: the package's name/value metadata (format, bounds, minzoom, maxzoom, json...)
SELECT name, value FROM metadata
