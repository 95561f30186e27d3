-- one tile; MBTiles rows count from the south (TMS): the caller binds (2^z - 1 - y)
SELECT tile_data FROM tiles WHERE zoom_level = ? AND tile_column = ? AND tile_row = ?
