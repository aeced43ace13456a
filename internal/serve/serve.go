package serve

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"os"
	"runtime/debug"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/hubrules/hubrules"
	"github.com/hubrules/hubrules/internal/kinds"
)

// Config is what a Server runs with. The zero value of a field takes the
// default named beside it.
type Config struct {
	// Limits bound every body (hubrules.DefaultLimits when nil; a zero
	// field of them means no limit, except MaxBytes: a JSON body is always
	// bounded, by the default when zero).
	Limits *hubrules.Limits
	// MaxLine is the longest line of an application/x-ndjson body, in
	// bytes (1 MiB).
	MaxLine int
	// MaxInFlight is the most requests evaluated at once; beyond it a
	// request is answered 503 with Retry-After (64). Health, readiness
	// and metrics are not counted.
	MaxInFlight int
	// The timeouts of the http.Server: reading the headers (5 s), the
	// whole request (60 s), writing the response (60 s; a stream must end
	// within it) and keeping an idle connection (120 s).
	ReadHeaderTimeout, ReadTimeout, WriteTimeout, IdleTimeout time.Duration
	// ShutdownTimeout is how long Serve waits for the requests in flight
	// after its context ends (65 s: longer than a request may take).
	ShutdownTimeout time.Duration
	// Schemas are the generated JSON Schemas by name ("check-sync",
	// "check-sync.output", …, and those of APIComponents), served under
	// /v1/schemas/ and built into /openapi.json; every kind needs both
	// of its own. hubrules serve passes those of cmd/hubrules; with nil,
	// /openapi.json and /v1/schemas/{name} answer 404.
	Schemas map[string]json.RawMessage
	// DecisionLog, when not nil, receives one JSON line per decision
	// (LogRecord).
	DecisionLog io.Writer
	// Mask says how the decision log holds the input: MaskNone leaves the
	// input out (only its digest, without its personal fields, is
	// logged), MaskRemove logs it without its personal fields, MaskHash
	// logs it with each personal field a keyed hash and the digest keyed
	// by MaskKey (required for MaskHash).
	Mask    Mask
	MaskKey []byte
	// ErrorLog receives internal errors (a recovered panic with its
	// stack, a failed decision-log write); never an input's values
	// (standard error).
	ErrorLog *log.Logger
	// Clock is the clock of date=today (time.Now).
	Clock func() time.Time
	// Samples are the sample inputs the "try it" page prefills, by kind
	// name, and ReportSample the hub report form's (internal/pages).
	Samples      map[string][]byte
	ReportSample []byte
}

// Mask is how the decision log holds an input's personal fields
// (hubrules:"personal").
type Mask string

// The masks of the decision log.
const (
	MaskNone   Mask = ""
	MaskRemove Mask = "remove"
	MaskHash   Mask = "hash"
)

// Server is the HTTP decision service. It is safe for concurrent use.
type Server struct {
	cfg      Config
	limits   hubrules.Limits
	mux      *http.ServeMux
	sem      chan struct{}
	metrics  *metrics
	openapi  []byte
	draining atomic.Bool
	logMu    sync.Mutex
}

// New returns a Server of cfg, or an error when cfg is unusable: a schema
// of a kind missing, MaskHash without a key, a negative bound.
func New(cfg Config) (*Server, error) {
	def := func(d *time.Duration, v time.Duration) {
		if *d == 0 {
			*d = v
		}
	}
	def(&cfg.ReadHeaderTimeout, 5*time.Second)
	def(&cfg.ReadTimeout, 60*time.Second)
	def(&cfg.WriteTimeout, 60*time.Second)
	def(&cfg.IdleTimeout, 120*time.Second)
	def(&cfg.ShutdownTimeout, 65*time.Second)
	if cfg.MaxLine == 0 {
		cfg.MaxLine = 1 << 20
	}
	if cfg.MaxInFlight == 0 {
		cfg.MaxInFlight = 64
	}
	if cfg.MaxLine < 0 || cfg.MaxInFlight < 0 || cfg.ReadHeaderTimeout < 0 || cfg.ReadTimeout < 0 || cfg.WriteTimeout < 0 || cfg.IdleTimeout < 0 || cfg.ShutdownTimeout < 0 {
		return nil, errors.New("serve: a bound or timeout is negative")
	}
	switch cfg.Mask {
	case MaskNone, MaskRemove:
	case MaskHash:
		if len(cfg.MaskKey) == 0 {
			return nil, errors.New("serve: MaskHash needs MaskKey")
		}
	default:
		return nil, fmt.Errorf("serve: unknown mask %q", cfg.Mask)
	}
	if cfg.ErrorLog == nil {
		cfg.ErrorLog = log.New(os.Stderr, "hubrules serve: ", log.LstdFlags)
	}
	if cfg.Clock == nil {
		cfg.Clock = time.Now
	}
	// The packages' parameter files are parsed on first use; a service
	// parses them all before it serves, so that no first request waits
	// for a file and /readyz answers only when every kind is ready.
	for _, p := range kinds.Packages() {
		p.DefaultSets()
	}
	s := &Server{cfg: cfg, limits: hubrules.DefaultLimits(), mux: http.NewServeMux(), sem: make(chan struct{}, cfg.MaxInFlight), metrics: newMetrics()}
	if cfg.Limits != nil {
		s.limits = *cfg.Limits
	}
	if s.limits.MaxBytes <= 0 {
		s.limits.MaxBytes = hubrules.DefaultLimits().MaxBytes
	}
	if cfg.Schemas != nil {
		doc, err := OpenAPI(cfg.Schemas)
		if err != nil {
			return nil, err
		}
		s.openapi = doc
	}
	s.routes()
	if err := s.pageRoutes(); err != nil {
		return nil, err
	}
	return s, nil
}

// route is one route of the service: its pattern, whether it counts
// against MaxInFlight, and its handler.
type route struct {
	method, path string
	limited      bool
	h            http.HandlerFunc
}

func (s *Server) routes() {
	rs := []route{
		{"POST", "/v1/decisions/{kind}", true, s.decision},
		{"GET", "/v1/rules", true, s.rules},
		{"GET", "/v1/rules/{id}", true, s.rule},
		{"GET", "/v1/params/{package}", true, s.params},
		{"GET", "/v1/schemas/{name}", true, s.schema},
		{"GET", "/openapi.json", true, s.openAPI},
		{"GET", "/healthz", false, s.healthz},
		{"GET", "/readyz", false, s.readyz},
		{"GET", "/metrics", false, s.metrics.handler().ServeHTTP},
	}
	for _, rt := range rs {
		s.mux.Handle(rt.method+" "+rt.path, s.wrap(rt.path, rt.limited, rt.h))
		// The same path with another method: 405 with Allow, as
		// problem+json (ServeMux's own 405 is plain text). GET also
		// answers HEAD.
		allow := rt.method
		if allow == "GET" {
			allow = "GET, HEAD"
		}
		s.mux.Handle(rt.path, s.wrap(rt.path, false, func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Allow", allow)
			s.problem(w, r, "method_not_allowed", nil, hubrules.T("该路径只接受 "+allow, "this path takes "+allow+" only"))
		}))
	}
	s.mux.Handle("/", s.wrap("other", false, func(w http.ResponseWriter, r *http.Request) {
		s.problem(w, r, "not_found", nil, hubrules.T("没有此路径："+r.URL.Path, "no such path: "+r.URL.Path))
	}))
}

// Handler returns the service's handler.
func (s *Server) Handler() http.Handler { return s.mux }

// HTTPServer returns an http.Server of the service on addr with the
// configured timeouts.
func (s *Server) HTTPServer(addr string) *http.Server {
	return &http.Server{Addr: addr, Handler: s.mux,
		ReadHeaderTimeout: s.cfg.ReadHeaderTimeout, ReadTimeout: s.cfg.ReadTimeout,
		WriteTimeout: s.cfg.WriteTimeout, IdleTimeout: s.cfg.IdleTimeout,
		MaxHeaderBytes: 64 << 10, ErrorLog: s.cfg.ErrorLog}
}

// Serve answers requests on ln until ctx ends, then shuts down
// gracefully: /readyz answers 503, no new connection is accepted, and
// Serve returns once every request in flight has been answered (or after
// ShutdownTimeout, with the error of the cut).
func (s *Server) Serve(ctx context.Context, ln net.Listener) error {
	srv := s.HTTPServer(ln.Addr().String())
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ln) }()
	select {
	case err := <-done:
		return err
	case <-ctx.Done():
	}
	s.draining.Store(true)
	sctx, cancel := context.WithTimeout(context.Background(), s.cfg.ShutdownTimeout)
	defer cancel()
	err := srv.Shutdown(sctx)
	if serr := <-done; serr != nil && !errors.Is(serr, http.ErrServerClosed) && err == nil {
		err = serr
	}
	return err
}

// statusWriter remembers the status written, for the metrics and for a
// recovered panic (a 500 only when nothing was written yet).
type statusWriter struct {
	http.ResponseWriter
	status int
}

func (w *statusWriter) WriteHeader(code int) {
	if w.status == 0 {
		w.status = code
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *statusWriter) Write(b []byte) (int, error) {
	if w.status == 0 {
		w.status = http.StatusOK
	}
	return w.ResponseWriter.Write(b)
}

// Unwrap gives http.ResponseController the connection's writer (Flush,
// EnableFullDuplex).
func (w *statusWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

// wrap adds to h what every route has: panic recovery (500, logged, the
// process goes on), the cap on requests in flight when limited, and the
// request metrics.
func (s *Server) wrap(name string, limited bool, h http.HandlerFunc) http.Handler {
	return http.HandlerFunc(func(w0 http.ResponseWriter, r *http.Request) {
		w := &statusWriter{ResponseWriter: w0}
		defer func() {
			s.metrics.requests.WithLabelValues(name, strconv.Itoa(max(w.status, 200))).Inc()
		}()
		defer func() {
			v := recover()
			if v == nil {
				return
			}
			if v == http.ErrAbortHandler {
				panic(v)
			}
			s.cfg.ErrorLog.Printf("panic serving %s %s: %v\n%s", r.Method, r.URL.Path, v, debug.Stack())
			if w.status == 0 {
				s.problem(w, r, "internal", nil, hubrules.T("内部错误（已记录）", "internal error (logged)"))
			}
		}()
		if limited {
			select {
			case s.sem <- struct{}{}:
				defer func() { <-s.sem }()
			default:
				w.Header().Set("Retry-After", "1")
				s.problem(w, r, "overloaded", nil, hubrules.T(fmt.Sprintf("同时处理的请求已达上限 %d", cap(s.sem)),
					fmt.Sprintf("the limit of %d requests in flight is reached", cap(s.sem))))
				return
			}
			s.metrics.inFlight.Inc()
			defer s.metrics.inFlight.Dec()
		}
		h(w, r)
	})
}

// problem writes the problem of code and counts it as a rejected request.
func (s *Server) problem(w http.ResponseWriter, r *http.Request, code string, err error, detail hubrules.Text) {
	s.writeProblem(w, r, newProblem(code, r, langOf(r), err, detail))
}

// writeProblem writes p, in the language of r, and counts it as a
// rejected request unless it is a bug (internal).
func (s *Server) writeProblem(w http.ResponseWriter, r *http.Request, p Problem) {
	if p.Code != "internal" {
		s.metrics.rejected.WithLabelValues(p.Code).Inc()
	}
	w.Header().Set("Content-Language", string(langOf(r)))
	writeProblem(w, p)
}

// langOf returns the language the request asks for with Accept-Language:
// English when an English tag has a higher weight than any Chinese one,
// else Chinese (the default, as for every message of the library).
func langOf(r *http.Request) hubrules.Lang {
	bestEN, bestZH := -1.0, -1.0
	for _, part := range strings.Split(r.Header.Get("Accept-Language"), ",") {
		tag, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		q := 1.0
		if v, ok := strings.CutPrefix(strings.TrimSpace(params), "q="); ok {
			if f, err := strconv.ParseFloat(v, 64); err == nil && f >= 0 && f <= 1 {
				q = f
			}
		}
		tag = strings.ToLower(strings.TrimSpace(tag))
		switch {
		case tag == "en" || strings.HasPrefix(tag, "en-"):
			bestEN = max(bestEN, q)
		case tag == "zh" || strings.HasPrefix(tag, "zh-"):
			bestZH = max(bestZH, q)
		}
	}
	if bestEN > 0 && bestEN > bestZH {
		return hubrules.EN
	}
	return hubrules.ZH
}

// writeJSON writes v as JSON with status 200 and content type ct.
func writeJSON(w http.ResponseWriter, ct string, v any) error {
	b, err := marshal(v)
	if err != nil {
		return err
	}
	w.Header().Set("Content-Type", ct)
	_, err = w.Write(b)
	return err
}

// marshal is v as JSON without HTML escaping, newline-terminated, as the
// CLI writes it.
func marshal(v any) ([]byte, error) {
	var b strings.Builder
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return []byte(b.String()), nil
}

func (s *Server) healthz(w http.ResponseWriter, r *http.Request) {
	_ = writeJSON(w, "application/json", map[string]string{"status": "ok"})
}

func (s *Server) readyz(w http.ResponseWriter, r *http.Request) {
	if s.draining.Load() {
		s.problem(w, r, "not_ready", nil, hubrules.T("服务正在停止，不再接受新请求", "the service is shutting down and takes no new requests"))
		return
	}
	_ = writeJSON(w, "application/json", map[string]string{"status": "ready"})
}

func sortStrings(s []string) { sort.Strings(s) }
