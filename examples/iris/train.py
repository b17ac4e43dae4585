#!/usr/bin/env python3
"""Iris species from petal length and width: softmax (multinomial logistic) regression, standard library only.

A complete SageMaker training container program. It follows the service's contract:
  /opt/ml/input/config/hyperparameters.json   flat JSON, every value a string: epochs, eta, optional seed, log-every
  /opt/ml/input/config/resourceconfig.json    current_host and hosts (logged)
  /opt/ml/input/data/training/*.csv           header row with petal_length, petal_width, species (0, 1, 2)
  /opt/ml/model/                              model.json (weights and scaling) and README.md (what the model is)
  /opt/ml/output/data/metrics.json            final metrics (packed as output.tar.gz)
  /opt/ml/output/failure                      the reason, when the job fails; the exit code is then non-zero
Progress lines look like `epoch=100 loss=0.4123 accuracy=0.9533`; the job's metric definitions read them.
"""

import csv
import glob
import json
import math
import os
import random
import signal
import sys
import time

PREFIX = os.environ.get("SM_OPT_ML", "/opt/ml")  # overridable only to try the program outside a container
CONFIG_DIR = os.path.join(PREFIX, "input", "config")
TRAINING_DIR = os.path.join(PREFIX, "input", "data", "training")
MODEL_DIR = os.path.join(PREFIX, "model")
OUTPUT_DIR = os.path.join(PREFIX, "output")

FEATURES = ("petal_length", "petal_width")
LABEL = "species"
CLASSES = ("setosa", "versicolor", "virginica")
DEFAULTS = {"epochs": "1000", "eta": "0.1", "seed": "0", "log-every": "50"}


class JobError(Exception):
    """A failure whose message becomes the job's FailureReason."""


def log(message):
    print(message, flush=True)


def read_json(path, default):
    if not os.path.exists(path):
        return default
    try:
        with open(path) as f:
            return json.load(f)
    except (OSError, ValueError) as e:
        raise JobError(f"cannot read {path}: {e}")


def parse_hyperparameters(raw):
    if not isinstance(raw, dict):
        raise JobError("hyperparameters.json must hold a JSON object")
    unknown = sorted(set(raw) - set(DEFAULTS))
    if unknown:
        log(f"ignoring unknown hyperparameters: {', '.join(unknown)}")
    values = {**DEFAULTS, **{k: str(v) for k, v in raw.items() if k in DEFAULTS}}

    def number(name, kind, valid, rule):
        text = values[name]
        try:
            value = kind(text)
        except ValueError:
            value = None
        if value is None or not math.isfinite(value) or not valid(value):
            raise JobError(f"hyperparameter {name} must be {rule}, got {text!r}")
        return value

    return {
        "epochs": number("epochs", int, lambda v: v >= 1, "a whole number of at least 1"),
        "eta": number("eta", float, lambda v: v > 0, "a number greater than 0"),
        "seed": number("seed", int, lambda v: v >= 0, "a whole number of at least 0"),
        "log_every": number("log-every", int, lambda v: v >= 1, "a whole number of at least 1"),
    }


def read_training_data():
    if not os.path.isdir(TRAINING_DIR):
        raise JobError(f"the training channel is missing: {TRAINING_DIR} does not exist (configure channels.training)")
    files = sorted(glob.glob(os.path.join(TRAINING_DIR, "**", "*.csv"), recursive=True))
    if not files:
        raise JobError(f"the training channel has no .csv file in {TRAINING_DIR}")
    xs, ys = [], []
    for path in files:
        with open(path, newline="") as f:
            reader = csv.DictReader(f)
            missing = [c for c in FEATURES + (LABEL,) if c not in (reader.fieldnames or [])]
            if missing:
                raise JobError(f"{path}: the header lacks column(s) {', '.join(missing)}")
            for row in reader:
                try:
                    x = [float(row[c]) for c in FEATURES]
                    y = int(row[LABEL])
                except (TypeError, ValueError):
                    raise JobError(f"{path}:{reader.line_num}: not a valid row: {row}")
                if not 0 <= y < len(CLASSES):
                    raise JobError(f"{path}:{reader.line_num}: species must be 0, 1 or 2, got {y}")
                xs.append(x)
                ys.append(y)
    if not xs:
        raise JobError(f"the training channel's CSV files hold no rows ({', '.join(files)})")
    log(f"read {len(xs)} rows from {len(files)} file(s); class counts {[ys.count(k) for k in range(len(CLASSES))]}")
    return xs, ys


def standardise(xs):
    n = len(xs)
    means = [sum(x[j] for x in xs) / n for j in range(len(FEATURES))]
    stds = [math.sqrt(sum((x[j] - means[j]) ** 2 for x in xs) / n) or 1.0 for j in range(len(FEATURES))]
    return [[(x[j] - means[j]) / stds[j] for j in range(len(FEATURES))] for x in xs], means, stds


def probabilities(weights, bias, x):
    """Softmax of the class scores bias[c] + weights[c] . x."""
    scores = [b + sum(w * v for w, v in zip(ws, x)) for ws, b in zip(weights, bias)]
    top = max(scores)
    exps = [math.exp(s - top) for s in scores]
    total = sum(exps)
    return [e / total for e in exps]


def predicted(p):
    return max(range(len(p)), key=p.__getitem__)


class Stop(Exception):
    pass


def on_sigterm(_signum, _frame):
    # The service sends SIGTERM when the job is stopped or reaches its maximum runtime.
    raise Stop()


def train(xs, ys, hp):
    rng = random.Random(hp["seed"])
    k, d, n = len(CLASSES), len(FEATURES), len(xs)
    weights = [[rng.gauss(0.0, 0.01) for _ in range(d)] for _ in range(k)]
    bias = [0.0] * k
    for epoch in range(1, hp["epochs"] + 1):
        grad_w = [[0.0] * d for _ in range(k)]
        grad_b = [0.0] * k
        loss = 0.0
        correct = 0
        for x, y in zip(xs, ys):
            p = probabilities(weights, bias, x)
            loss -= math.log(max(p[y], 1e-15))
            correct += predicted(p) == y
            for c in range(k):
                g = p[c] - (1.0 if c == y else 0.0)
                grad_b[c] += g
                row = grad_w[c]
                for j in range(d):
                    row[j] += g * x[j]
        loss /= n
        accuracy = correct / n
        step = hp["eta"] / n
        for c in range(k):
            bias[c] -= step * grad_b[c]
            for j in range(d):
                weights[c][j] -= step * grad_w[c][j]
        if epoch % hp["log_every"] == 0 or epoch == hp["epochs"]:
            log(f"epoch={epoch} loss={loss:.4f} accuracy={accuracy:.4f}")
    # Metrics of the final weights (each progress line reports the weights before that epoch's step).
    ps = [probabilities(weights, bias, x) for x in xs]
    loss = -sum(math.log(max(p[y], 1e-15)) for p, y in zip(ps, ys)) / n
    accuracy = sum(predicted(p) == y for p, y in zip(ps, ys)) / n
    return weights, bias, loss, accuracy


def write_model(weights, bias, means, stds, hp, metrics, host):
    os.makedirs(MODEL_DIR, exist_ok=True)
    model = {
        "kind": "softmax-regression",
        "features": list(FEATURES),
        "classes": list(CLASSES),
        "feature_means": means,
        "feature_stds": stds,
        "weights": weights,
        "bias": bias,
    }
    with open(os.path.join(MODEL_DIR, "model.json"), "w") as f:
        json.dump(model, f, indent=2)
        f.write("\n")
    with open(os.path.join(MODEL_DIR, "README.md"), "w") as f:
        f.write(
            "# Iris softmax regression\n\n"
            f"Predicts {', '.join(CLASSES)} from {' and '.join(FEATURES)} (cm).\n\n"
            "Standardise each feature with `feature_means` and `feature_stds`, compute `bias[c] + weights[c] . x` for "
            "each class c, and take the largest.\n\n"
            f"- trained on host: {host}\n"
            f"- job: {os.environ.get('TRAINING_JOB_NAME', 'unknown')}\n"
            f"- hyperparameters: epochs={hp['epochs']} eta={hp['eta']} seed={hp['seed']}\n"
            f"- training loss: {metrics['loss']:.4f}\n"
            f"- training accuracy: {metrics['accuracy']:.4f}\n"
        )
    data_dir = os.path.join(OUTPUT_DIR, "data")
    os.makedirs(data_dir, exist_ok=True)
    with open(os.path.join(data_dir, "metrics.json"), "w") as f:
        json.dump(metrics, f)
        f.write("\n")


def write_failure(reason):
    try:
        os.makedirs(OUTPUT_DIR, exist_ok=True)
        with open(os.path.join(OUTPUT_DIR, "failure"), "w") as f:
            f.write(reason)
    except OSError as e:
        log(f"could not write {OUTPUT_DIR}/failure: {e}")
    print(f"error: {reason}", file=sys.stderr, flush=True)


def main():
    signal.signal(signal.SIGTERM, on_sigterm)
    started = time.monotonic()
    resources = read_json(os.path.join(CONFIG_DIR, "resourceconfig.json"), {})
    host = resources.get("current_host", "unknown")
    log(f"host {host} of {resources.get('hosts', [host])}; job {os.environ.get('TRAINING_JOB_NAME', 'unknown')}")
    hp = parse_hyperparameters(read_json(os.path.join(CONFIG_DIR, "hyperparameters.json"), {}))
    log(f"hyperparameters: epochs={hp['epochs']} eta={hp['eta']} seed={hp['seed']} log-every={hp['log_every']}")
    xs, ys = read_training_data()
    scaled, means, stds = standardise(xs)
    weights, bias, loss, accuracy = train(scaled, ys, hp)
    metrics = {"loss": round(loss, 6), "accuracy": round(accuracy, 6)}
    log(f"final loss={loss:.4f} accuracy={accuracy:.4f} ({time.monotonic() - started:.2f} s)")
    write_model(weights, bias, means, stds, hp, metrics, host)
    log(f"model written to {MODEL_DIR}")


if __name__ == "__main__":
    try:
        main()
    except JobError as e:
        write_failure(str(e))
        sys.exit(1)
    except Stop:
        write_failure("stopped: received SIGTERM before training finished")
        sys.exit(143)
    except Exception as e:  # anything unexpected still leaves a reason for the job
        write_failure(f"unexpected error: {type(e).__name__}: {e}")
        raise
