package nnlab.data;

import java.util.List;

/**
 * A data set in the catalogue, with its default shape.
 *
 * @param tasks      classification, regression, or both (the playground, by kind)
 * @param samples    examples with the default parameters (train, validation and test together)
 * @param inputs     input width with the default parameters
 * @param classes    number of classes of the default task, 0 for regression
 * @param source     where the data come from; bundled sets name their origin and licence
 */
public record DatasetInfo(String name, String title, List<Task> tasks, int samples, int inputs, int classes,
                          List<String> classNames, String source, List<ParameterInfo> parameters) {

    public DatasetInfo {
        tasks = List.copyOf(tasks);
        classNames = List.copyOf(classNames);
        parameters = List.copyOf(parameters);
    }

    public ParameterInfo parameter(String name) {
        return parameters.stream().filter(p -> p.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(this.name + " has no parameter " + name));
    }

    public List<String> parameterNames() {
        return parameters.stream().map(ParameterInfo::name).toList();
    }
}
