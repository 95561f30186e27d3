package zoneatlas.ogc;

import static zoneatlas.ogc.OpenApi.obj;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The editing half of the API definition (OGC API - Features Part 4 and the history around it),
 * added to {@link OpenApi} for every collection the catalog marks as editable.
 */
final class Writes {
  private static final String REF_P = "#/components/parameters/";
  private static final String REF_R = "#/components/responses/";
  private static final String REF_S = "#/components/schemas/";

  private Writes() {}

  @SuppressWarnings("unchecked")
  static void add(Map<String, Object> paths, String p, String op, String title, String editedBy) {
    String who = " Needs the role " + editedBy + " or admin (send the login token as Authorization: Bearer).";
    Map<String, Object> items = (Map<String, Object>) paths.get(p + "/items");
    Map<String, Object> item = (Map<String, Object>) paths.get(p + "/items/{featureId}");
    items.put("post", write("createFeature_" + op, "新建要素 Create a feature: " + title + "." + who
        + " Answers 201 with Location …/items/{featureId}; a client id is kept when unused, else one is made.",
        List.of(OpenApi.refTo(REF_P + "contentCrs"), OpenApi.refTo(REF_P + "changeReason")), "application/geo+json",
        "201", REF_R + "Created"));
    items.put("options", options("optionsFeatures_" + op, "POST"));
    item.put("put", write("replaceFeature_" + op, "替换要素 Replace a feature: " + title + "." + who
        + " Properties left out are emptied; land_uses left out stay as they are.",
        params(true), "application/geo+json", "200", REF_R + "Written"));
    item.put("patch", write("updateFeature_" + op, "修改要素 Update a feature with a JSON merge patch (RFC 7396): "
        + title + "." + who + " A null property empties it; computed properties (areas…) are ignored.",
        params(true), "application/merge-patch+json", "200", REF_R + "Written"));
    Map<String, Object> del = write("deleteFeature_" + op, "删除要素 Delete a feature: " + title + "." + who
        + " The versions stay in the history; a revert brings it back.", params(false), null, "204", null);
    item.put("delete", del);
    item.put("options", options("optionsFeature_" + op, "PUT, PATCH, DELETE"));
    List<Object> fid = List.of(OpenApi.refTo(REF_P + "featureId"), OpenApi.refTo(REF_P + "crs"));
    paths.put(p + "/items/{featureId}/history", obj("get", obj("operationId", "getHistory_" + op,
        "summary", "修改记录 The feature's versions, newest first, each with the change that made it and the one that "
            + "ended it (who, role, when, operation, reason, request id, whether it was conditional). Planners, land "
            + "officers and administrators.",
        "parameters", fid, "responses", obj("200", obj("description", "The versions", "content",
            obj("application/json", obj("schema", obj("type", "object")))), "401", OpenApi.refTo(REF_R + "NotAllowed"),
            "403", OpenApi.refTo(REF_R + "NotAllowed"), "404", OpenApi.refTo(REF_R + "NotFound")))));
    paths.put(p + "/items/{featureId}/revert", obj("post", write("revertFeature_" + op, "恢复到旧版本 Make an earlier "
        + "version current again, as a new version (or bring a deleted feature back). Body {\"version\": n}; "
        + "X-Change-Reason is required." + who, params(true), "application/json", "200", REF_R + "Written")));
    if (op.equals("parcels")) {
      paths.put(p + "/items/{featureId}/split", obj("post", write("splitParcel", "分割地块 Split a parcel along a line: "
          + "body {\"line\": GeoJSON LineString in Content-Crs}; the parts get the parcel's id with -1, -2 …, its "
          + "attributes and land-use links, their own geodesic areas; answers a FeatureCollection of the parts." + who,
          params(true), "application/json", "200", REF_R + "Written")));
      paths.put(p + "/items/{featureId}/merge", obj("post", write("mergeParcels", "合并地块 Merge adjacent parcels into "
          + "this one: body {\"with\": [ids]}; If-Match may list one tag per parcel; land-use shares are carried over "
          + "so every enterprise keeps the same land." + who, params(true), "application/json", "200",
          REF_R + "Written")));
    }
    paths.put(p + "/schema", obj("get", obj("operationId", "getSchema_" + op, "summary", "表单结构 JSON Schema of the "
        + "features as a client writes them: titles (zh/en), code lists with labels, read-only (computed) properties, "
        + "required ones, and for parcels the land cycle's allowed next statuses (x-transitions)",
        "parameters", List.of(), "responses", obj("200", obj("description", "The schema", "content",
            obj("application/schema+json", obj("schema", obj("type", "object"))))))));
  }

  private static List<Object> params(boolean crs) {
    List<Object> out = new ArrayList<>(List.of(OpenApi.refTo(REF_P + "featureId"), OpenApi.refTo(REF_P + "ifMatch"),
        OpenApi.refTo(REF_P + "changeReason")));
    if (crs) {
      out.add(OpenApi.refTo(REF_P + "contentCrs"));
    }
    return out;
  }

  private static Map<String, Object> write(String id, String summary, List<Object> params, String media, String okCode,
      String okRef) {
    Map<String, Object> responses = new LinkedHashMap<>();
    responses.put(okCode, okRef == null ? obj("description", "Deleted") : OpenApi.refTo(okRef));
    for (String code : List.of("400", "401", "403", "404", "409", "412", "415", "422")) {
      responses.put(code, OpenApi.refTo(REF_R + (code.equals("422") ? "Refused" : code.equals("401") || code.equals("403")
          ? "NotAllowed" : code.equals("404") ? "NotFound" : "WriteError")));
    }
    responses.put("500", OpenApi.refTo(REF_R + "ServerError"));
    Map<String, Object> m = obj("operationId", id, "summary", summary, "parameters", params, "responses", responses);
    if (media != null) {
      m.put("requestBody", obj("required", true, "content", obj(media, obj("schema",
          OpenApi.refTo(REF_S + (media.equals("application/geo+json") ? "featureGeoJSON" : "writeBody"))))));
    }
    return m;
  }

  private static Map<String, Object> options(String id, String methods) {
    return obj("operationId", id, "summary", "允许的方法 The methods this caller may use, in the Allow header (GET, HEAD, "
        + "OPTIONS, and " + methods + " for a role that may edit); any feature id, existing or not",
        "responses", obj("200", obj("description", "Allow lists the methods", "headers", obj("Allow",
            obj("schema", obj("type", "string"))))));
  }

  static void parameters(Map<String, Object> p) {
    p.put("ifMatch", obj("name", "If-Match", "in", "header", "required", false, "description", "版本校验 The ETag of "
        + "the version the writer saw (one per parcel for a merge, comma-separated). A stale one gets 412 and changes "
        + "nothing. Optional (QGIS sends none): the change record then says the write was unconditional.",
        "schema", obj("type", "string")));
    p.put("changeReason", obj("name", "X-Change-Reason", "in", "header", "required", false, "description", "变更原因 "
        + "Why (a document number, a survey): percent-encoded UTF-8, at most 500 characters; kept in the change record.",
        "schema", obj("type", "string")));
    p.put("contentCrs", obj("name", "Content-Crs", "in", "header", "required", false, "description", "请求几何的坐标系 "
        + "CRS of the geometry sent, a URI with or without angle brackets (default CRS84); EPSG:4326 and EPSG:4490 take "
        + "latitude first, EPSG:4547 northing first. Stored in CGCS2000 (EPSG:4490).",
        "schema", obj("type", "string")));
  }

  static void responses(Map<String, Object> r, String refS) {
    Map<String, Object> headers = obj("ETag", obj("description", "强校验标记 Strong entity tag of the version written",
        "schema", obj("type", "string")), "Location", obj("description", "The new feature's URI",
            "schema", obj("type", "string")));
    r.put("Created", obj("description", "已新建 Created: the feature as stored (areas computed by the server)",
        "headers", headers, "content", obj("application/geo+json", obj("schema", OpenApi.refTo(refS + "featureGeoJSON")))));
    r.put("Written", obj("description", "已保存 The feature as stored, with its new ETag", "headers", headers,
        "content", obj("application/geo+json", obj("schema", OpenApi.refTo(refS + "featureGeoJSON")))));
    r.put("Refused", obj("description", "不能保存 The feature fails a check: errors[] names each field (a property, "
        + "geometry, land_uses[i].share) with a message in English and Chinese (message_zh), and for geometry the vertex "
        + "and place, and a repaired shape when one would do (suggestion); nothing was written",
        "content", obj("application/json", obj("schema", OpenApi.refTo(refS + "exception")))));
    r.put("WriteError", obj("description", "412 the If-Match tag is stale (someone changed the feature); 409 a conflict "
        + "(an id in use, a park that still holds parcels); 415 an unsupported Content-Type; 400 a malformed request",
        "content", obj("application/json", obj("schema", OpenApi.refTo(refS + "exception")))));
    r.put("NotAllowed", obj("description", "401 not signed in; 403 the role may not do this",
        "content", obj("application/json", obj("schema", OpenApi.refTo(refS + "exception")))));
  }
}
