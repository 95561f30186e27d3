-- the zoom range of the tiles themselves, for a package whose metadata does not state it
SELECT MIN(zoom_level), MAX(zoom_level) FROM tiles
