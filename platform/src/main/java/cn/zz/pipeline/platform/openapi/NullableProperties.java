package cn.zz.pipeline.platform.openapi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;

/**
 * The one nullability rule of the contract: a property listed in its object's {@code required} is always present and
 * never null; any other property may be null (the services write a missing value as {@code null}). Records mark
 * their always-present components {@code @Schema(required = true)} (or {@code @NotNull} on input); this makes every
 * other property nullable in OpenAPI 3.1's way: {@code "null"} added to its type (and to its enum), a reference
 * wrapped as {@code anyOf: [$ref, {type: null}]}.
 */
final class NullableProperties {

    private NullableProperties() {
    }

    static void apply(OpenAPI openAPI) {
        if (openAPI.getComponents() == null || openAPI.getComponents().getSchemas() == null) {
            return;
        }
        openAPI.getComponents().getSchemas().values().forEach(NullableProperties::applyTo);
    }

    private static void applyTo(Schema object) {
        Map<String, Schema> properties = object.getProperties();
        if (properties == null) {
            return;
        }
        List<String> required = object.getRequired() == null ? List.of() : object.getRequired();
        Map<String, Schema> rewritten = new LinkedHashMap<>();
        properties.forEach((name, property) -> {
            applyTo(property);
            if (property.getItems() != null) {
                applyTo(property.getItems());
            }
            rewritten.put(name, required.contains(name) ? property : nullable(property));
        });
        object.setProperties(rewritten);
    }

    static Schema nullable(Schema property) {
        if (property.getRef() != null) {
            Schema wrapped = OASFactory.createSchema().description(property.getDescription())
                    .examples(property.getExamples()).deprecated(property.getDeprecated());
            wrapped.addAnyOf(OASFactory.createSchema().ref(property.getRef()));
            wrapped.addAnyOf(OASFactory.createSchema().addType(SchemaType.NULL));
            return wrapped;
        }
        if (property.getAnyOf() != null) {
            // The generator writes a nullable reference as anyOf [$ref, null] next to a copied type; the alternatives
            // say it all, and the copied type (an enum's "object", say) would refuse values the reference allows.
            property.setType(null);
            if (property.getAnyOf().stream().noneMatch(NullableProperties::isNull)) {
                property.addAnyOf(OASFactory.createSchema().addType(SchemaType.NULL));
            }
            return property;
        }
        if (property.getOneOf() != null) {
            property.addOneOf(OASFactory.createSchema().addType(SchemaType.NULL));
            return property;
        }
        if (property.getType() == null || property.getType().isEmpty()) {
            return property; // any value, null included
        }
        if (!property.getType().contains(SchemaType.NULL)) {
            List<SchemaType> types = new ArrayList<>(property.getType());
            types.add(SchemaType.NULL);
            property.setType(types);
        }
        if (property.getEnumeration() != null && !property.getEnumeration().contains(null)) {
            List<Object> values = new ArrayList<>(property.getEnumeration());
            values.add(null);
            property.setEnumeration(values);
        }
        return property;
    }

    private static boolean isNull(Schema alternative) {
        return alternative.getRef() == null && List.of(SchemaType.NULL).equals(alternative.getType());
    }
}
