package nnlab.jobs.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.media.Schema;
import java.math.BigDecimal;
import java.util.Map;
import nnlab.jobs.JobSpecMapper;
import nnlab.jobs.SpecDefaults;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

/** Writes the defaults table into the OpenAPI document: each JobSpec field's default, bounds and description. */
@Component
public class SpecDefaultsDocumentation implements OpenApiCustomizer {

    private final SpecDefaults table;

    public SpecDefaultsDocumentation(JobSpecMapper mapper) {
        this.table = mapper.defaults();
    }

    @Override
    public void customise(io.swagger.v3.oas.models.OpenAPI openApi) {
        Components components = openApi.getComponents();
        if (components == null || components.getSchemas() == null) return;
        Schema<?> root = components.getSchemas().get("JobSpec");
        if (root == null) return;
        for (SpecDefaults.Field f : table.fields()) {
            Schema<?> property = find(root, f.path(), components.getSchemas());
            if (property != null) document(property, f);
        }
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static void document(Schema property, SpecDefaults.Field f) {
        property.setDefault(f.value());
        // OpenAPI 3.1 writes an exclusive bound as its own number (3.0: a flag beside minimum/maximum)
        if (f.min() != null) {
            BigDecimal min = BigDecimal.valueOf(f.min());
            if (f.minExclusive()) {
                property.setExclusiveMinimumValue(min);
                property.setExclusiveMinimum(true);
            }
            property.setMinimum(min);
        }
        if (f.max() != null) {
            BigDecimal max = BigDecimal.valueOf(f.max());
            if (f.maxExclusive()) {
                property.setExclusiveMaximumValue(max);
                property.setExclusiveMaximum(true);
            }
            property.setMaximum(max);
        }
        String bounds = f.min() != null || f.max() != null ? " " + f.range() : "";
        String limit = f.limit() != null ? " (maximum set by " + f.limit() + ")" : "";
        property.setDescription(f.description() + "; default " + f.value() + bounds + limit);
    }

    /** The property schema at a dotted path, following references and array items ({@code name[]}). */
    private static Schema<?> find(Schema<?> root, String path, Map<String, Schema> schemas) {
        Schema<?> at = root;
        for (String part : path.split("\\.")) {
            boolean each = part.endsWith("[]");
            String name = each ? part.substring(0, part.length() - 2) : part;
            at = resolve(at, schemas);
            if (at == null || at.getProperties() == null) return null;
            at = at.getProperties().get(name);
            if (at == null) return null;
            if (each) {
                at = resolve(at, schemas);
                if (at == null || at.getItems() == null) return null;
                at = at.getItems();
            }
        }
        return at;
    }

    private static Schema<?> resolve(Schema<?> schema, Map<String, Schema> schemas) {
        if (schema == null || schema.get$ref() == null) return schema;
        String ref = schema.get$ref();
        return schemas.get(ref.substring(ref.lastIndexOf('/') + 1));
    }
}
