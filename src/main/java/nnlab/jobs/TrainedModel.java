package nnlab.jobs;

import nnlab.data.PreparedDataset;
import nnlab.engine.Loss;
import nnlab.engine.Model;

/** A job's model at some epoch, with the data set it was trained on (its scaler, names). */
public record TrainedModel(String jobId, JobSpec spec, PreparedDataset data, Model model, Loss loss, int epochs) {
}
