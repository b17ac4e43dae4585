"""The iris model's inference server, as SageMaker hosting runs it (standard library only).

  GET  /ping         200 once /opt/ml/model/model.json is loaded
  POST /invocations  rows of the model's features, as CSV (text/csv: one row a line, the features in order, or any
                     columns under a header that names them) or JSON (application/json: {"instances": [...]} or a
                     list, each row a list of the features in order or an object naming them); answers
                     {"predictions": [{"label": "setosa", "class": 0, "probabilities": [...]}, ...]} or, with
                     Accept: text/csv, one label a line.

It listens on SAGEMAKER_BIND_TO_PORT (8080 unless hosting says otherwise). A request it cannot read is a 400 that says
why; the model is loaded once, at start, so a missing or broken model stops the container before /ping answers.
"""

import csv
import io
import json
import math
import os
import signal
import sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

MODEL_PATH = "/opt/ml/model/model.json"
MAX_BODY = 6 * 1024 * 1024  # SageMaker's real-time payload limit


def log(message):
    print(f"[serve] {message}", flush=True)


def load_model(path):
    with open(path) as f:
        model = json.load(f)
    for key in ("features", "classes", "feature_means", "feature_stds", "weights", "bias"):
        if key not in model:
            raise ValueError(f"{path} has no {key}")
    return model


def predict(model, row):
    x = [(v - m) / s for v, m, s in zip(row, model["feature_means"], model["feature_stds"])]
    scores = [b + sum(w * v for w, v in zip(ws, x)) for ws, b in zip(model["weights"], model["bias"])]
    top = max(scores)
    exps = [math.exp(s - top) for s in scores]
    total = sum(exps)
    probs = [e / total for e in exps]
    best = max(range(len(probs)), key=probs.__getitem__)
    return {"label": model["classes"][best], "class": best, "probabilities": [round(p, 6) for p in probs]}


def number_row(values, where, width):
    if len(values) != width:
        raise ValueError(f"{where}: expected {width} features, got {len(values)}")
    try:
        return [float(v) for v in values]
    except (TypeError, ValueError):
        raise ValueError(f"{where}: features must be numbers, got {values}") from None


def _numeric(text):
    try:
        float(text)
        return True
    except ValueError:
        return False


def by_name(record, features, where):
    missing = [f for f in features if f not in record]
    if missing:
        raise ValueError(f"{where}: no {', '.join(missing)} (the model reads {', '.join(features)})")
    return [record[f] for f in features]


def parse_csv(text, features):
    """Rows of the model's features in order, or any columns under a header that names them."""
    rows, header = [], None
    for i, values in enumerate(csv.reader(io.StringIO(text)), start=1):
        if not values:
            continue
        if header is None and not rows and not _numeric(values[0]):
            header = [v.strip() for v in values]
            continue
        if header is not None:
            values = by_name(dict(zip(header, values)), features, f"line {i}")
        rows.append(number_row(values, f"line {i}", len(features)))
    return rows


def parse_json(text, features):
    """{"instances": [...]} or a list: each row a list of the features in order, or an object naming them."""
    data = json.loads(text)
    rows = data.get("instances") if isinstance(data, dict) else data
    if not isinstance(rows, list):
        raise ValueError('expected a list of rows or {"instances": [...]}')
    if rows and not isinstance(rows[0], (list, dict)):
        rows = [rows]
    out = []
    for i, row in enumerate(rows, start=1):
        values = by_name(row, features, f"row {i}") if isinstance(row, dict) else row
        out.append(number_row(values, f"row {i}", len(features)))
    return out


class Handler(BaseHTTPRequestHandler):
    model = None

    def log_message(self, fmt, *args):
        log(fmt % args)

    def answer(self, status, body, content_type="application/json"):
        data = body.encode()
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self):
        if self.path == "/ping":
            self.answer(200, "{}")
        else:
            self.answer(404, json.dumps({"error": f"no {self.path}"}))

    def do_POST(self):
        if self.path != "/invocations":
            return self.answer(404, json.dumps({"error": f"no {self.path}"}))
        length = int(self.headers.get("Content-Length") or 0)
        if length > MAX_BODY:
            return self.answer(413, json.dumps({"error": f"the body is over {MAX_BODY} bytes"}))
        text = self.rfile.read(length).decode("utf-8", "replace")
        content_type = (self.headers.get("Content-Type") or "text/csv").split(";")[0].strip()
        features = self.model["features"]
        try:
            if content_type == "text/csv":
                rows = parse_csv(text, features)
            elif content_type == "application/json":
                rows = parse_json(text, features)
            else:
                return self.answer(415, json.dumps({"error": f"{content_type} is not text/csv or application/json"}))
        except ValueError as err:
            return self.answer(400, json.dumps({"error": str(err)}))
        predictions = [predict(self.model, r) for r in rows]
        if (self.headers.get("Accept") or "").startswith("text/csv"):
            return self.answer(200, "".join(p["label"] + "\n" for p in predictions), "text/csv")
        self.answer(200, json.dumps({"predictions": predictions}))


def main():
    try:
        Handler.model = load_model(MODEL_PATH)
    except (OSError, ValueError) as err:
        log(f"cannot load the model: {err}")
        return 1
    port = int(os.environ.get("SAGEMAKER_BIND_TO_PORT", "8080"))
    server = ThreadingHTTPServer(("0.0.0.0", port), Handler)
    # Hosting stops a container with SIGTERM: stop serving and exit 0.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    log(f"serving {MODEL_PATH} on port {port}")
    server.serve_forever()
    return 0


if __name__ == "__main__":
    sys.exit(main())
