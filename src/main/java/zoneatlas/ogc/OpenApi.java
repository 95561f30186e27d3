package zoneatlas.ogc;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import zoneatlas.layers.Column;
import zoneatlas.layers.Layer;

/**
 * The API definition served at /api: OpenAPI 3.0, self-contained (every reference points into
 * its own components, as the OGC test suite needs when it runs offline). Collections are listed
 * one by one, each items path with its queryables as query parameters: that is how GDAL up to
 * 3.6 learns which properties it may filter on server-side. Built per request for the caller's
 * role, so confidential columns are not even named to roles that may not see them.
 */
final class OpenApi {
  static final String MEDIA_TYPE = "application/vnd.oai.openapi+json;version=3.0";
  private static final String REF_P = "#/components/parameters/";
  private static final String REF_S = "#/components/schemas/";
  private static final String REF_R = "#/components/responses/";

  private OpenApi() {}

  static Map<String, Object> obj(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }

  private static Map<String, Object> ref(String r) {
    return obj("$ref", r);
  }

  static Map<String, Object> build(String base, List<LayerView> views, int limitDefault, int limitMax) {
    Map<String, Object> api = new LinkedHashMap<>();
    api.put("openapi", "3.0.3");
    api.put("info", obj(
        "title", "ZoneAtlas 开发区规划图层服务 (OGC API - Features)",
        "version", "1.0.0",
        "description", "开发区规划、地块与企业图层的 OGC API - Features 服务(第1部分核心、第2部分坐标参考系、第3部分过滤、"
            + "第4部分增删改)。 Plan, parcel and enterprise layers of the development zones as OGC API - Features (Part 1 "
            + "Core, Part 2 CRS by reference, Part 3 Filtering with CQL2 text, Part 4 create, replace, update and delete "
            + "with optimistic locking by strong ETags: send If-Match to be refused with 412 instead of overwriting "
            + "someone else's change; X-Change-Reason carries the reason, percent-encoded UTF-8). Every write is kept: "
            + "…/items/{featureId}/history lists the versions, datetime= shows the data as it stood. numberMatched is always exact: "
            + "counted from the page itself when it ends before the limit, from a per-data-version cache for "
            + "an unfiltered collection, else by COUNT(*) with the request's filters. Geometry is stored in "
            + "CGCS2000 (EPSG:4490); CRS84, EPSG:4326 and EPSG:4490 differ only in axis order (EPSG relates "
            + "CGCS2000 and WGS 84 by a null transformation). Confidential attributes are returned only to "
            + "roles allowed to see them (send the login token as Authorization: Bearer).",
        "contact", obj("name", "ZoneAtlas"),
        "license", obj("name", "Data: schematic plan geometry and SYNTHETIC demo parcels/enterprises")));
    api.put("servers", List.of(obj("url", base)));
    Map<String, Object> paths = new LinkedHashMap<>();
    paths.put("/", get("getLandingPage", "首页 Landing page", List.of(ref(REF_P + "f")), REF_R + "LandingPage", false));
    paths.put("/conformance", get("getConformance", "符合性声明 Conformance classes", List.of(ref(REF_P + "f")),
        REF_R + "ConformanceDeclaration", false));
    paths.put("/api", get("getApi", "本接口定义 This API definition", List.of(ref(REF_P + "f")), REF_R + "Api", false));
    paths.put("/collections", get("getCollections", "图层目录 The feature collections", List.of(ref(REF_P + "f")),
        REF_R + "Collections", false));
    for (LayerView v : views) {
      Layer l = v.layer();
      String p = "/collections/" + l.id();
      String t = l.titleZh() + " " + l.titleEn();
      paths.put(p, get("describeCollection_" + op(l), "集合说明 Collection: " + t, List.of(ref(REF_P + "f")),
          REF_R + "Collection", true));
      paths.put(p + "/queryables", get("getQueryables_" + op(l), "可查询字段 Queryables: " + t,
          List.of(ref(REF_P + "f")), REF_R + "Queryables", true));
      List<Object> itemParams = new ArrayList<>();
      for (String name : List.of("limit", "offset", "cursor", "bbox", "bbox-crs", "crs", "datetime", "filter", "filter-lang",
          "filter-crs", "sortby", "f")) {
        itemParams.add(ref(REF_P + name));
      }
      itemParams.add(obj("name", LayerView.ID, "in", "query", "required", false, "description",
          "要素编号 Feature id (equality)", "schema", obj("type", "string"), "style", "form", "explode", false));
      for (Column c : v.columns()) {
        itemParams.add(obj("name", c.name(), "in", "query", "required", false,
            "description", c.titleZh() + " " + c.titleEn() + " (等于 equals)",
            "schema", obj("type", c.jsonSchemaType()), "style", "form", "explode", false));
      }
      Map<String, Object> items = get("getFeatures_" + op(l), "要素 Features: " + t, itemParams, REF_R + "Features", true);
      Map<String, Object> item = get("getFeature_" + op(l), "单个要素 One feature: " + t,
          List.of(ref(REF_P + "featureId"), ref(REF_P + "crs"), ref(REF_P + "datetime"), ref(REF_P + "f")),
          REF_R + "Feature", true);
      paths.put(p + "/items", items);
      paths.put(p + "/items/{featureId}", item);
      if (l.editedBy() != null) {
        Writes.add(paths, p, op(l), t, l.editedBy());
      }
    }
    // OGC API - Tiles (zoneatlas.tiles): the same for every role
    zoneatlas.tiles.TilesOpenApi.add(paths, views.stream().map(v -> v.layer().id()).toList());
    api.put("paths", paths);
    api.put("components", obj(
        "parameters", parameters(limitDefault, limitMax),
        "schemas", schemas(),
        "responses", responses()));
    return api;
  }

  private static String op(Layer l) {
    return l.id().replace('-', '_');
  }

  static Map<String, Object> refTo(String r) {
    return ref(r);
  }

  private static Map<String, Object> get(String id, String summary, List<Object> params, String okRef, boolean notFound) {
    Map<String, Object> responses = new LinkedHashMap<>();
    responses.put("200", ref(okRef));
    responses.put("400", ref(REF_R + "InvalidParameter"));
    if (notFound) {
      responses.put("404", ref(REF_R + "NotFound"));
    }
    responses.put("500", ref(REF_R + "ServerError"));
    return obj("get", obj("operationId", id, "summary", summary, "parameters", params, "responses", responses));
  }

  private static Map<String, Object> param(String name, String description, Map<String, Object> schema) {
    return obj("name", name, "in", "query", "required", false, "description", description, "schema", schema,
        "style", "form", "explode", false);
  }

  private static Map<String, Object> parameters(int limitDefault, int limitMax) {
    Map<String, Object> crsSchema = obj("type", "string", "format", "uri", "enum", Crs.uris());
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("f", param("f", "输出格式 Output format; without it, browsers get HTML and other clients JSON",
        obj("type", "string", "enum", List.of("json", "html"))));
    p.put("limit", param("limit", "每页要素数 Features per page; values above the maximum are capped to it",
        obj("type", "integer", "minimum", 1, "maximum", limitMax, "default", limitDefault)));
    p.put("offset", param("offset", "跳过的要素数 Features to skip (paging; prev links, and next links when sorted by sortby, carry it)",
        obj("type", "integer", "minimum", 0, "default", 0)));
    p.put("cursor", param("cursor", "翻页游标 Where a page ordered by id starts (opaque; next links carry it, not to be combined"
        + " with offset or sortby)", obj("type", "string")));
    p.put("bbox", obj("name", "bbox", "in", "query", "required", false,
        "description", "范围 minx,miny,maxx,maxy (or 6 numbers with heights, ignored) in bbox-crs axis order; "
            + "features intersecting it are returned; a longitude minimum above its maximum crosses the antimeridian",
        "schema", obj("type", "array", "minItems", 4, "maxItems", 6, "items", obj("type", "number")),
        "style", "form", "explode", false));
    p.put("bbox-crs", param("bbox-crs", "bbox 的坐标系 CRS of bbox (default CRS84)", crsSchema));
    p.put("crs", param("crs", "输出坐标系 CRS of the response geometry (default CRS84); see the Content-Crs header",
        crsSchema));
    p.put("datetime", param("datetime", "历史时点 The features as they stood at this RFC 3339 instant (every write is "
        + "kept as a version; without datetime: as they stand now). A date alone is the end of that day in China "
        + "Standard Time (Asia/Shanghai); an interval start/end gives the state at its end (an open end is now).",
        obj("type", "string")));
    p.put("filter", param("filter", "CQL2 text filter: comparisons, LIKE, BETWEEN, IN, IS NULL, AND/OR/NOT, CASEI, "
        + "S_INTERSECTS/S_WITHIN/S_CONTAINS/... with WKT or BBOX literals; property names from /queryables",
        obj("type", "string")));
    p.put("filter-lang", param("filter-lang", "Filter language: cql2-text (cql-text, the draft name that GDAL 3.6 "
        + "sends, is accepted as the same)", obj("type", "string", "enum", List.of("cql2-text", "cql-text"),
        "default", "cql2-text")));
    p.put("filter-crs", param("filter-crs", "filter 中几何的坐标系 CRS of geometry literals in filter (default CRS84)",
        crsSchema));
    p.put("sortby", obj("name", "sortby", "in", "query", "required", false,
        "description", "排序 Comma-separated properties, + ascending (default) or - descending; ties by feature id",
        "schema", obj("type", "array", "minItems", 1, "items", obj("type", "string", "pattern", "^[+-]?[A-Za-z_][A-Za-z0-9_]*$")),
        "style", "form", "explode", false));
    p.put("featureId", obj("name", "featureId", "in", "path", "required", true, "description", "要素编号 Feature id",
        "schema", obj("type", "string")));
    Writes.parameters(p);
    return p;
  }

  private static Map<String, Object> schemas() {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("link", obj("type", "object", "required", List.of("href"), "properties", obj(
        "href", obj("type", "string"), "rel", obj("type", "string"), "type", obj("type", "string"),
        "hreflang", obj("type", "string"), "title", obj("type", "string"), "length", obj("type", "integer"))));
    s.put("landingPage", obj("type", "object", "required", List.of("links"), "properties", obj(
        "title", obj("type", "string"), "description", obj("type", "string"),
        "links", obj("type", "array", "items", ref(REF_S + "link")))));
    s.put("confClasses", obj("type", "object", "required", List.of("conformsTo"), "properties", obj(
        "conformsTo", obj("type", "array", "items", obj("type", "string")))));
    s.put("extent", obj("type", "object", "properties", obj(
        "spatial", obj("type", "object", "properties", obj(
            "bbox", obj("type", "array", "minItems", 1, "items",
                obj("type", "array", "minItems", 4, "maxItems", 6, "items", obj("type", "number"))),
            "crs", obj("type", "string"))))));
    s.put("collection", obj("type", "object", "required", List.of("id", "links"), "properties", obj(
        "id", obj("type", "string"), "title", obj("type", "string"), "description", obj("type", "string"),
        "links", obj("type", "array", "items", ref(REF_S + "link")), "extent", ref(REF_S + "extent"),
        "itemType", obj("type", "string"), "crs", obj("type", "array", "items", obj("type", "string")),
        "storageCrs", obj("type", "string"), "featureCount", obj("type", "integer"))));
    s.put("collections", obj("type", "object", "required", List.of("links", "collections"), "properties", obj(
        "links", obj("type", "array", "items", ref(REF_S + "link")),
        "crs", obj("type", "array", "items", obj("type", "string")),
        "collections", obj("type", "array", "items", ref(REF_S + "collection")))));
    s.put("exception", obj("type", "object", "required", List.of("code"), "properties", obj(
        "code", obj("type", "string"), "description", obj("type", "string"), "parameter", obj("type", "string"),
        "status", obj("type", "integer"))));
    s.put("queryables", obj("type", "object", "properties", obj(
        "$schema", obj("type", "string"), "$id", obj("type", "string"), "type", obj("type", "string"),
        "properties", obj("type", "object"))));
    s.put("geometryGeoJSON", obj("type", "object", "nullable", true, "required", List.of("type"), "properties", obj(
        "type", obj("type", "string", "enum", List.of("Point", "MultiPoint", "LineString", "MultiLineString", "Polygon",
            "MultiPolygon", "GeometryCollection")),
        "coordinates", obj("type", "array", "items", obj()),
        "geometries", obj("type", "array", "items", ref(REF_S + "geometryGeoJSON")))));
    s.put("featureGeoJSON", obj("type", "object", "required", List.of("type", "geometry", "properties"),
        "properties", obj(
            "type", obj("type", "string", "enum", List.of("Feature")),
            "id", obj("oneOf", List.of(obj("type", "string"), obj("type", "integer"))),
            "geometry", ref(REF_S + "geometryGeoJSON"),
            "properties", obj("type", "object", "nullable", true),
            "links", obj("type", "array", "items", ref(REF_S + "link")))));
    s.put("writeBody", obj("type", "object", "description", "A JSON merge patch of a feature ({\"properties\": {...}, "
        + "\"geometry\": {...}}), or the body of revert ({\"version\": n}), split ({\"line\": LineString}) or merge "
        + "({\"with\": [ids]})"));
    s.put("featureCollectionGeoJSON", obj("type", "object", "required", List.of("type", "features"), "properties", obj(
        "type", obj("type", "string", "enum", List.of("FeatureCollection")),
        "features", obj("type", "array", "items", ref(REF_S + "featureGeoJSON")),
        "links", obj("type", "array", "items", ref(REF_S + "link")),
        "timeStamp", obj("type", "string", "format", "date-time"),
        "numberMatched", obj("type", "integer", "minimum", 0, "description", "exact"),
        "numberReturned", obj("type", "integer", "minimum", 0))));
    return s;
  }

  private static Map<String, Object> json(String schemaRef) {
    return obj("schema", ref(schemaRef));
  }

  private static Map<String, Object> html() {
    return obj("schema", obj("type", "string"));
  }

  private static Map<String, Object> responses() {
    Map<String, Object> crsHeader = obj("Content-Crs", obj("description", "响应几何的坐标系 CRS of the geometry, <URI>",
        "schema", obj("type", "string")));
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("LandingPage", obj("description", "首页 Links to the API definition, conformance and collections",
        "content", obj("application/json", json(REF_S + "landingPage"), "text/html", html())));
    r.put("ConformanceDeclaration", obj("description", "符合性类 The conformance classes implemented",
        "content", obj("application/json", json(REF_S + "confClasses"), "text/html", html())));
    r.put("Api", obj("description", "本 OpenAPI 定义 This OpenAPI definition; f=html lists the endpoints",
        "content", obj(MEDIA_TYPE, obj("schema", obj("type", "object")), "text/html", html())));
    r.put("Collections", obj("description", "图层目录 The feature collections",
        "content", obj("application/json", json(REF_S + "collections"), "text/html", html())));
    r.put("Collection", obj("description", "集合说明 One feature collection",
        "content", obj("application/json", json(REF_S + "collection"), "text/html", html())));
    r.put("Queryables", obj("description", "可查询字段 JSON Schema of the properties filters may name",
        "content", obj("application/schema+json", json(REF_S + "queryables"), "text/html", html())));
    r.put("Features", obj("description", "一页要素 One page of features with numberMatched (exact), numberReturned, "
        + "timeStamp and self/alternate/next/prev links that keep every query parameter",
        "headers", crsHeader,
        "content", obj("application/geo+json", json(REF_S + "featureCollectionGeoJSON"), "text/html", html())));
    Map<String, Object> featureHeaders = new LinkedHashMap<>(crsHeader);
    featureHeaders.put("ETag", obj("description", "强校验标记 Strong entity tag of this version and representation; "
        + "If-None-Match with it gets 304, If-Match with it guards a write", "schema", obj("type", "string")));
    r.put("Feature", obj("description", "单个要素 One feature with self and collection links; parcels and enterprises "
        + "carry their land-use links (land_uses)", "headers", featureHeaders,
        "content", obj("application/geo+json", json(REF_S + "featureGeoJSON"), "text/html", html())));
    r.put("InvalidParameter", obj("description", "参数错误 A query parameter is unknown or has an invalid value",
        "content", obj("application/json", json(REF_S + "exception"))));
    r.put("NotFound", obj("description", "不存在 No such collection or feature",
        "content", obj("application/json", json(REF_S + "exception"))));
    r.put("ServerError", obj("description", "服务器错误 Server error (logged)",
        "content", obj("application/json", json(REF_S + "exception"))));
    Writes.responses(r, REF_S);
    return r;
  }
}
