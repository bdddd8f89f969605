package nnlab.jobs.export;

import java.math.BigDecimal;
import java.util.List;
import nnlab.engine.Activation;
import nnlab.engine.EarlyStopping;
import nnlab.engine.LayerSpec;
import nnlab.engine.Loss;
import nnlab.engine.TrainingConfig;

/** A job as a PyTorch script: nn.Sequential of Linear layers, a DataLoader and the training loop written out. */
final class TorchScript {

    private final ExportPlan plan;
    private final Py py = new Py();

    private TorchScript(ExportPlan plan) {
        this.plan = plan;
    }

    static String of(ExportPlan plan) {
        return new TorchScript(plan).write();
    }

    private String write() {
        List<String> needs = plan.mnist() ? ScriptParts.needs(plan, "torch", "torchvision")
                : ScriptParts.needs(plan, "torch");
        ScriptParts.docstring(py, plan, Framework.PYTORCH, "PyTorch", needs);
        ScriptParts.dataImports(py, plan, restoresBest());
        py.line("import torch");
        py.line("from torch import nn");
        py.line("from torch.utils.data import DataLoader, TensorDataset");
        if (plan.mnist()) py.line("from torchvision import datasets");
        ScriptParts.irisImport(py, plan);
        ScriptParts.arguments(py, plan, "PyTorch");
        ScriptParts.hyperParameters(py, plan);
        py.line("torch.manual_seed(SEED)");
        py.line("np.random.seed(SEED % 2**32)");
        DataSection.write(py, plan, List.of(
                "# ---- the data: MNIST through torchvision, the same 60,000 training and 10,000 test images of 28×28"
                        + " pixels (0..255) keras.datasets gives; downloaded to ./data",
                "train_set = datasets.MNIST(\"data\", train=True, download=True)",
                "test_set = datasets.MNIST(\"data\", train=False, download=True)",
                "x_train_all, y_train_all = train_set.data.numpy(), train_set.targets.numpy()",
                "x_test, y_test = test_set.data.numpy(), test_set.targets.numpy()"));
        tensors();
        if (plan.augmentation() != null) AugmentationSection.torch(py, plan);
        model();
        weights();
        lossAndOptimizer();
        evaluation();
        training();
        finalEvaluation();
        return py.toString();
    }

    private boolean restoresBest() {
        EarlyStopping es = plan.config().earlyStopping();
        return es != null && es.restoreBestWeights();
    }

    private void tensors() {
        py.section("NumPy arrays to tensors");
        py.line("x_train, y_train = torch.from_numpy(x_train), torch.from_numpy(y_train)");
        if (plan.data().hasValidation()) py.line("x_val, y_val = torch.from_numpy(x_val), torch.from_numpy(y_val)");
        if (plan.data().hasTest()) py.line("x_test, y_test = torch.from_numpy(x_test), torch.from_numpy(y_test)");
    }

    private void model() {
        py.section("the model: " + plan.architecture());
        if (plan.layers().stream().anyMatch(l -> l.activation() == Activation.GAUSSIAN)) {
            py.blank();
            py.line("class Gaussian(nn.Module):");
            py.line("    def forward(self, z):");
            py.line("        return torch.exp(-z * z)  # e^(−z²)");
            py.blank();
            py.blank();
        }
        py.line("model = nn.Sequential(");
        if (plan.mnist()) py.line("    nn.Flatten(),  # 28×28 pixels → 784 inputs");
        List<LayerSpec> layers = plan.layers();
        for (int l = 0; l < layers.size(); l++) {
            LayerSpec layer = layers.get(l);
            boolean last = l == layers.size() - 1;
            String comment = "Dense " + layer.units();
            if (last && plan.softmaxCrossEntropy()) comment += ", the output layer: the softmax is inside CrossEntropyLoss";
            else if (last && layer.activation() == Activation.STEP) {
                comment += ", the output layer: it gives z, and a class is z > 0 (Rosenblatt's threshold unit)";
            } else if (last) comment += ", the output layer";
            py.line("    nn.Linear(" + plan.network().fanIn(l) + ", " + layer.units() + "),  # " + comment);
            String activation = activation(layer.activation(), last);
            if (activation != null) py.line("    " + activation + ",");
            if (layer.batchNorm()) {
                py.line("    nn.BatchNorm1d(" + layer.units() + ", eps=" + Py.number(LayerSpec.NORM_EPSILON) + ", momentum="
                        + Py.number(BigDecimal.ONE.subtract(BigDecimal.valueOf(LayerSpec.NORM_MOMENTUM)).doubleValue()) + "),  # after the activation, where nnlab normalises;"
                        + " PyTorch's momentum is 1 − Keras's " + Py.number(LayerSpec.NORM_MOMENTUM));
            }
            if (layer.dropout() > 0) {
                py.line("    nn.Dropout(" + Py.number(layer.dropout()) + "),  # drops this fraction of the outputs while"
                        + " training");
            }
        }
        py.line(")");
        py.line("print(model)");
        if (plan.batchNorm()) {
            py.line("# batch normalisation: γ and β are parameters; the moving mean and variance are buffers, which PyTorch");
            py.line("# does not count and nnlab and Keras do. While training, PyTorch's running variance follows the");
            py.line("# batch's unbiased variance (n/(n − 1)·σ²), nnlab's and Keras's the biased one σ².");
            py.line("print(sum(p.numel() for p in model.parameters()), \"parameters\")  # "
                    + String.format(java.util.Locale.ROOT, "%,d", plan.parameters() - plan.movingStatistics())
                    + ": nnlab's " + String.format(java.util.Locale.ROOT, "%,d", plan.parameters()) + " less the "
                    + String.format(java.util.Locale.ROOT, "%,d", plan.movingStatistics()) + " moving statistics");
        } else {
            py.line("print(sum(p.numel() for p in model.parameters()), \"parameters\")  # "
                    + String.format(java.util.Locale.ROOT, "%,d", plan.parameters()) + ": (inputs + 1) × units per layer");
        }
        py.line("dense_layers = [layer for layer in model if isinstance(layer, nn.Linear)]");
        initialisation();
        if (plan.network().initialWeights() != null) {
            ScriptParts.initialWeights(py, plan.network().initialWeights());
            py.line("with torch.no_grad():");
            py.line("    for layer, kernel, bias in zip(dense_layers, START_WEIGHTS[\"kernels\"], START_WEIGHTS[\"biases\"]):");
            py.line("        layer.weight.copy_(torch.tensor(kernel).T)  # PyTorch keeps weight[unit][input]");
            py.line("        layer.bias.copy_(torch.tensor(bias))");
            if (plan.network().initialWeights().batchNorm() != null) setNorms("    ", "START_WEIGHTS");
        }
    }

    /** The module after a Linear layer, or null for none (linear; step and fused softmax outputs give z). */
    private String activation(Activation a, boolean last) {
        return switch (a) {
            case LINEAR, STEP -> null;
            case SIGMOID -> "nn.Sigmoid()";
            case TANH -> "nn.Tanh()";
            case RELU -> "nn.ReLU()";
            case LEAKY_RELU -> "nn.LeakyReLU(" + Py.number(Activation.LEAKY_SLOPE) + ")";
            case ELU -> "nn.ELU()";
            case SOFTPLUS -> "nn.Softplus()";
            case CLIPPED_LINEAR -> "nn.Hardtanh(0.0, 1.0)";
            case GAUSSIAN -> "Gaussian()";
            case SOFTMAX -> last && plan.softmaxCrossEntropy() ? null : "nn.Softmax(dim=1)";
        };
    }

    private void initialisation() {
        String weight = switch (plan.network().init()) {
            case GLOROT -> "nn.init.xavier_uniform_(layer.weight)  # Glorot uniform, Keras's default";
            case HE -> "nn.init.kaiming_normal_(layer.weight, nonlinearity=\"relu\")  # He normal: N(0, 2 / fan_in)";
            case UNIFORM -> "nn.init.uniform_(layer.weight, -0.5, 0.5)  # TensorFlow Playground's";
            case ZEROS -> "nn.init.zeros_(layer.weight)  # every weight 0: the units stay identical";
        };
        String bias = switch (plan.network().init()) {
            case UNIFORM -> "nn.init.constant_(layer.bias, 0.1)";
            default -> "nn.init.zeros_(layer.bias)";
        };
        py.line("for layer in dense_layers:");
        py.line("    " + weight);
        py.line("    " + bias);
    }

    private void weights() {
        py.section("the job's trained weights (Keras's layout: kernel[input][unit], bias[unit])");
        py.line("if args.weights:");
        py.line("    with open(args.weights) as f:");
        py.line("        trained = json.load(f)");
        py.line("    with torch.no_grad():");
        py.line("        for layer, kernel, bias in zip(dense_layers, trained[\"kernels\"], trained[\"biases\"]):");
        py.line("            layer.weight.copy_(torch.tensor(kernel).T)  # PyTorch keeps weight[unit][input]");
        py.line("            layer.bias.copy_(torch.tensor(bias))");
        if (plan.batchNorm()) setNorms("        ", "trained");
    }

    /** γ and β into each BatchNorm1d's weight and bias, the moving mean and variance into its running buffers. */
    private void setNorms(String indent, String document) {
        py.line(indent + "norm_layers = [layer for layer in model if isinstance(layer, nn.BatchNorm1d)]");
        py.line(indent + "for layer, norm in zip(norm_layers, " + ScriptParts.normsOf(document) + "):");
        py.line(indent + "    layer.weight.copy_(torch.tensor(norm[\"gamma\"]))");
        py.line(indent + "    layer.bias.copy_(torch.tensor(norm[\"beta\"]))");
        py.line(indent + "    layer.running_mean.copy_(torch.tensor(norm[\"movingMean\"]))");
        py.line(indent + "    layer.running_var.copy_(torch.tensor(norm[\"movingVariance\"]))");
    }

    private void lossAndOptimizer() {
        TrainingConfig c = plan.config();
        py.section("loss and optimiser");
        if (plan.loss() == Loss.HINGE || plan.loss() == Loss.PERCEPTRON) {
            py.blank();
            boolean hinge = plan.loss() == Loss.HINGE;
            py.line(hinge ? "def loss_fn(out, y):" : "def loss_fn(z, y):");
            py.line(hinge ? "    \"\"\"Hinge loss max(0, 1 − t·z), t = ±1 from the 0/1 labels.\"\"\""
                    : "    \"\"\"Rosenblatt's rule: max(0, −t·z), t = ±1 from the 0/1 labels; its step is w += lr·(y − ŷ)·x.\"\"\"");
            py.line("    t = 2 * y - 1");
            py.line(hinge ? "    return torch.clamp(1 - t * out, min=0).mean()" : "    return torch.clamp(-t * z, min=0).mean()");
            py.blank();
            py.blank();
        } else {
            py.line("loss_fn = " + switch (plan.loss()) {
                case SPARSE_CATEGORICAL_CROSSENTROPY -> "nn.CrossEntropyLoss()  # sparse categorical cross-entropy:"
                        + " class indices as targets";
                case BINARY_CROSSENTROPY -> "nn.BCELoss()  # binary cross-entropy on the sigmoid output";
                case MSE -> "nn.MSELoss()  # mean squared error";
                default -> "nn.L1Loss()  # mean absolute error";
            });
        }
        py.line("optimizer = " + switch (c.optimizer().kind()) {
            case SGD -> "torch.optim.SGD(model.parameters(), lr=LEARNING_RATE)";
            // PyTorch's v ← μ·v + g, w ← w − lr·v takes the same steps as Keras's v ← μ·v − lr·g at a fixed rate
            case MOMENTUM -> "torch.optim.SGD(model.parameters(), lr=LEARNING_RATE, momentum=MOMENTUM)";
            case ADAM -> "torch.optim.Adam(model.parameters(), lr=LEARNING_RATE, betas=(BETA_1, BETA_2), eps=EPSILON)";
            case RMSPROP -> "torch.optim.RMSprop(model.parameters(), lr=LEARNING_RATE, alpha=RHO, eps=EPSILON)";
        });
        if (c.l1() > 0 || c.l2() > 0) {
            py.blank();
            py.blank();
            py.line("def penalty():");
            py.line("    \"\"\"L1 and L2 on the kernels (weights), not the biases, as Keras's kernel_regularizer.\"\"\"");
            py.line("    return sum(L1 * w.abs().sum() + L2 * (w ** 2).sum() for w in (layer.weight for layer in dense_layers))");
        }
    }

    private void evaluation() {
        boolean classification = plan.data().classification();
        py.blank();
        py.blank();
        py.line("def evaluate(x, y):");
        py.line("    \"\"\"Loss and " + (classification ? "accuracy" : "mean absolute error")
                + " over all the examples, with dropout off.\"\"\"");
        py.line("    model.eval()");
        py.line("    with torch.no_grad():");
        py.line("        out = model(x)");
        if (!classification) {
            py.line("        return loss_fn(out, y).item(), (out - y).abs().mean().item()");
        } else if (plan.classIndexTargets()) {
            py.line("        return loss_fn(out, y).item(), (out.argmax(dim=1) == y).float().mean().item()");
        } else {
            py.line("        predicted = (out > " + Py.number(plan.threshold()) + ").float()  # class 1 above "
                    + Py.number(plan.threshold()));
            py.line("        return loss_fn(out, y).item(), (predicted == y).float().mean().item()");
        }
        py.blank();
    }

    private void training() {
        ExportedData d = plan.data();
        EarlyStopping es = plan.config().earlyStopping();
        String metric = d.classification() ? "accuracy" : "mae";
        boolean penalty = plan.config().l1() > 0 || plan.config().l2() > 0;
        py.section("training: " + plan.stepsPerEpoch() + " steps per epoch");
        boolean augmented = plan.augmentation() != null;
        if (augmented) {
            py.line("shuffle_rng = torch.Generator().manual_seed(SEED)");
        } else {
            py.line("loader = DataLoader(TensorDataset(x_train, y_train), batch_size=BATCH_SIZE, shuffle=SHUFFLE,");
            py.line("                    generator=torch.Generator().manual_seed(SEED))");
        }
        py.line("if not args.evaluate_only:");
        if (es != null) py.line("    best_loss, waited, best_state = float(\"inf\"), 0, None");
        py.line("    for epoch in range(1, EPOCHS + 1):");
        if (augmented) {
            py.line("        x_epoch = torch.cat([x_train] + [augment(x_train) for _ in range(COPIES)])  # the images, then new copies");
            py.line("        y_epoch = y_train.repeat(1 + COPIES)");
            py.line("        loader = DataLoader(TensorDataset(x_epoch, y_epoch), batch_size=BATCH_SIZE, shuffle=SHUFFLE,");
            py.line("                            generator=shuffle_rng)");
        }
        py.line("        model.train()  # dropout on" + (plan.batchNorm() ? ", batch normalisation on the batch's statistics" : ""));
        py.line("        total, steps = 0.0, 0");
        py.line("        for xb, yb in loader:  # one step: a batch forward, the gradient backward, the weights updated");
        py.line("            optimizer.zero_grad()");
        py.line("            loss = loss_fn(model(xb), yb)" + (penalty ? " + penalty()" : ""));
        py.line("            loss.backward()");
        py.line("            optimizer.step()");
        py.line("            total, steps = total + loss.item(), steps + 1");
        py.line("        train_loss = total / steps  # the mean over the epoch's batches, as Keras reports it");
        py.line("        report = f\"epoch {epoch}/{EPOCHS}: loss {train_loss:.4f}\"");
        if (d.hasValidation()) {
            py.line("        val_loss, val_metric = evaluate(x_val, y_val)");
            py.line("        report += f\", val_loss {val_loss:.4f}, val_" + metric + " {val_metric:.4f}\"");
        }
        py.line("        print(report)");
        if (es != null) {
            py.line("        monitored = " + (d.hasValidation() ? "val_loss" : "train_loss") + "  # early stopping");
            py.line("        if monitored < best_loss - MIN_DELTA:");
            py.line("            best_loss, waited = monitored, 0");
            if (es.restoreBestWeights()) py.line("            best_state = copy.deepcopy(model.state_dict())");
            py.line("        else:");
            py.line("            waited += 1");
            py.line("            if waited >= PATIENCE:");
            py.line("                print(f\"early stopping: no improvement for {PATIENCE} epochs\")");
            py.line("                break");
            if (es.restoreBestWeights()) {
                py.line("    if best_state is not None:");
                py.line("        model.load_state_dict(best_state)  # back to the best epoch's weights");
            }
        }
    }

    private void finalEvaluation() {
        ExportedData d = plan.data();
        String part = d.hasTest() ? "test" : "train";
        py.section(d.hasTest() ? "the test examples" : "evaluation: this data set has no test part, so the training"
                + " examples");
        py.line("loss, metric = evaluate(x_" + part + ", y_" + part + ")");
        py.line("print(f\"" + part + " loss: {loss:.4f}\")");
        py.line("print(f\"" + part + (d.classification() ? " accuracy" : " mae") + ": {metric:.4f}\")");
    }
}
