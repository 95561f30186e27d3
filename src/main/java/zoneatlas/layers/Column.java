package zoneatlas.layers;

/**
 * One attribute of a layer. {@code type} is the JSON Schema type: text, number, integer, boolean.
 *
 * @param confidential when true only roles allowed to see confidential figures get it
 */
public record Column(String name, String type, String titleZh, String titleEn, boolean confidential) {
  public String jsonSchemaType() {
    return type.equals("text") ? "string" : type;
  }
}
