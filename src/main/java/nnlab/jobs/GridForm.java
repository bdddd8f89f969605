package nnlab.jobs;

/**
 * How a job's heatmap grids are sent: the hidden neurons' resolution (the output's is the grid's), and whether
 * each map goes as one byte a point (base64, between the map's own low and high) instead of a list of numbers.
 */
record GridForm(int neuronResolution, boolean packed) {

    /** Every map at the grid's resolution, as numbers: the form before there was a choice. */
    static final GridForm PLAIN = new GridForm(0, false);

    int neuronResolution(int resolution) {
        return neuronResolution > 0 ? neuronResolution : resolution;
    }
}
