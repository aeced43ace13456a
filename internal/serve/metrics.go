package serve

import (
	"net/http"
	"time"

	"github.com/hubrules/hubrules"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// metrics are the service's Prometheus metrics, in a registry of its own
// (two Servers in one process do not share counts).
type metrics struct {
	reg       *prometheus.Registry
	decisions *prometheus.CounterVec
	latency   *prometheus.HistogramVec
	requests  *prometheus.CounterVec
	rejected  *prometheus.CounterVec
	inFlight  prometheus.Gauge
	logErrors prometheus.Counter
}

func newMetrics() *metrics {
	m := &metrics{reg: prometheus.NewRegistry(),
		decisions: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "hubrules_decisions_total",
			Help: "Decisions made, by kind and outcome (compliant, warnings, findings, refused)."}, []string{"kind", "outcome"}),
		latency: prometheus.NewHistogramVec(prometheus.HistogramOpts{Name: "hubrules_decision_duration_seconds",
			Help:    "Time to evaluate one decoded input, by kind.",
			Buckets: []float64{.00001, .000025, .00005, .0001, .00025, .0005, .001, .0025, .005, .01, .025, .1}}, []string{"kind"}),
		requests: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "hubrules_http_requests_total",
			Help: "HTTP requests answered, by route and status code."}, []string{"route", "code"}),
		rejected: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "hubrules_rejected_requests_total",
			Help: "Requests (or stream lines: invalid_line) refused, by problem code."}, []string{"reason"}),
		inFlight: prometheus.NewGauge(prometheus.GaugeOpts{Name: "hubrules_requests_in_flight",
			Help: "Requests being evaluated now (those counted against the cap)."}),
		logErrors: prometheus.NewCounter(prometheus.CounterOpts{Name: "hubrules_decision_log_errors_total",
			Help: "Decision-log records that could not be written."}),
	}
	m.reg.MustRegister(m.decisions, m.latency, m.requests, m.rejected, m.inFlight, m.logErrors,
		collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	return m
}

// observe counts one decision of kind with its outcome and evaluation
// time.
func (m *metrics) observe(kind string, o hubrules.DecisionOutcome, d time.Duration) {
	m.decisions.WithLabelValues(kind, string(o)).Inc()
	m.latency.WithLabelValues(kind).Observe(d.Seconds())
}

// handler serves the metrics in the Prometheus text format.
func (m *metrics) handler() http.Handler {
	return promhttp.HandlerFor(m.reg, promhttp.HandlerOpts{})
}
