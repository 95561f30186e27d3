package zoneatlas.imports.spatial;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One problem (or warning) with one feature of an upload.
 *
 * @param index 1-based position of the feature in the file (for point tables: of the parcel)
 * @param row spreadsheet row of the feature's first line (header = row 1), null for GIS formats
 * @param id the feature's parcel id as read, null when it has none
 * @param field the parcel field (or "geometry") at fault
 * @param reason what is wrong, in words a land officer can act on
 * @param reasonZh the same in Chinese, for the map ({@code reason_zh})
 */
public record Issue(int index, Integer row, String id, String field, String reason,
    @JsonProperty("reason_zh") String reasonZh) {}
