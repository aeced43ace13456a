package bench_test

// The HTTP comparison (issue 20): hubrules serve and an OPA server, both
// in this process on loopback, answer the same check-sync population over
// HTTP. hubrules is sent what a platform would send, the organization's
// event log as the check sync input, and answers the whole envelope
// (checks, findings, basis, result) or, with ?view=compact, the compact
// decision (outcome, failed rules, the findings' codes and facts: the
// like-for-like answer to OPA's); OPA is sent the same log as
// RegoLogModule reads it (logengines.go: day numbers, the reviewed
// quarters) on its REST API, POST /v1/data/hublog/failed, and answers the
// set of failed rules.

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/hubrules/hubrules/bench"
	"github.com/hubrules/hubrules/internal/serve"
	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/runtime"
	"github.com/stretchr/testify/require"
)

// loadRequests is the fixed number of requests of one load run.
const loadRequests = 4000

// httpTarget is one server under load: its URL and the body of each
// organization.
type httpTarget struct {
	name   string
	url    string
	ct     string
	bodies [][]byte
}

var (
	targetsOnce sync.Once
	targets     []httpTarget
	targetsErr  error
)

// httpTargets starts both servers once for the whole run.
func httpTargets(tb testing.TB) []httpTarget {
	tb.Helper()
	f := load(tb)
	targetsOnce.Do(func() { targets, targetsErr = startTargets(f) })
	require.NoError(tb, targetsErr)
	return targets
}

func startTargets(f *fixture) ([]httpTarget, error) {
	hr, err := startHubrules()
	if err != nil {
		return nil, err
	}
	opa, err := startOPA()
	if err != nil {
		return nil, err
	}
	h := httpTarget{name: "hubrules", url: hr + "/v1/decisions/check-sync?programme=kaixuan&date=" + bench.AsOf.String(), ct: "application/json"}
	o := httpTarget{name: "opa", url: opa + "/v1/data/hublog/failed", ct: "application/json"}
	for i := range f.orgs {
		b, err := json.Marshal(&f.orgs[i])
		if err != nil {
			return nil, err
		}
		h.bodies = append(h.bodies, b)
		in, err := ast.JSON(f.logOPA[i])
		if err != nil {
			return nil, err
		}
		if b, err = json.Marshal(map[string]any{"input": in}); err != nil {
			return nil, err
		}
		o.bodies = append(o.bodies, b)
	}
	// The compact form (?view=compact: outcome, failed rules, findings'
	// codes and facts), the like-for-like answer to OPA's set of rule IDs.
	c := h
	c.name, c.url = "hubrules-compact", h.url+"&view=compact"
	return []httpTarget{h, o, c}, nil
}

// startHubrules serves hubrules on a free loopback port, for the run.
func startHubrules() (string, error) {
	s, err := serve.New(serve.Config{MaxInFlight: 256})
	if err != nil {
		return "", err
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", err
	}
	go func() { _ = s.Serve(context.Background(), ln) }()
	return "http://" + ln.Addr().String(), nil
}

// startOPA runs OPA's own server (the runtime of "opa run --server") with
// RegoLogModule on a free loopback port, for the run.
func startOPA() (string, error) {
	dir, err := os.MkdirTemp("", "hubrules-opa")
	if err != nil {
		return "", err
	}
	file := filepath.Join(dir, "hublog.rego")
	if err := os.WriteFile(file, []byte(bench.RegoLogModule), 0o600); err != nil {
		return "", err
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", err
	}
	addr := ln.Addr().String()
	ln.Close() // OPA binds it itself
	p := runtime.NewParams()
	p.Addrs = &[]string{addr}
	p.Paths = []string{file}
	p.Output = io.Discard
	p.Logging = runtime.LoggingConfig{Level: "error"}
	rt, err := runtime.NewRuntime(context.Background(), p)
	if err != nil {
		return "", err
	}
	go func() { _ = rt.Serve(context.Background()) }()
	base := "http://" + addr
	for i := 0; i < 200; i++ {
		if resp, err := http.Get(base + "/health"); err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return base, nil
			}
		}
		time.Sleep(25 * time.Millisecond)
	}
	return "", fmt.Errorf("the OPA server on %s did not start", addr)
}

func client(conc int) *http.Client {
	return &http.Client{Transport: &http.Transport{MaxIdleConns: conc, MaxIdleConnsPerHost: conc, MaxConnsPerHost: conc}}
}

func send(c *http.Client, t httpTarget, i int) ([]byte, error) {
	resp, err := c.Post(t.url, t.ct, bytes.NewReader(t.bodies[i%len(t.bodies)]))
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err == nil && resp.StatusCode != http.StatusOK {
		err = fmt.Errorf("%s: status %d: %s", t.name, resp.StatusCode, b)
	}
	return b, err
}

// TestServe_HTTPEnginesAgree: over HTTP, both servers fail the same SYNC
// rules for every organization (OPA's HUB-FORM-01 is no part of check
// sync and is left out).
func TestServe_HTTPEnginesAgree(t *testing.T) {
	ts := httpTargets(t)
	c := client(1)
	for i := range ts[0].bodies {
		hb, err := send(c, ts[0], i)
		require.NoError(t, err)
		var d struct {
			Findings []struct{ Rule string }
		}
		require.NoError(t, json.Unmarshal(hb, &d))
		var got []string
		for _, f := range d.Findings {
			if !slices.Contains(got, f.Rule) {
				got = append(got, f.Rule)
			}
		}
		ob, err := send(c, ts[1], i)
		require.NoError(t, err)
		var o struct{ Result []string }
		require.NoError(t, json.Unmarshal(ob, &o))
		var want []string
		for _, r := range o.Result {
			if strings.HasPrefix(r, "SYNC-") {
				want = append(want, r)
			}
		}
		sort.Strings(got)
		sort.Strings(want)
		require.Equal(t, want, got, "organization %d", i)
		cb, err := send(c, ts[2], i)
		require.NoError(t, err)
		var compact struct{ Failed []string }
		require.NoError(t, json.Unmarshal(cb, &compact))
		sort.Strings(compact.Failed)
		require.ElementsMatch(t, want, compact.Failed, "organization %d, compact", i)
	}
}

// BenchmarkServeLoad sends loadRequests requests (the 1,000 organizations
// in turn) at a fixed concurrency to each server and reports decisions
// per second and the p50 and p99 latency of one request. Each iteration
// is one whole run; run it once:
//
//	go test -run '^$' -bench BenchmarkServeLoad -benchtime 1x ./
func BenchmarkServeLoad(b *testing.B) {
	ts := httpTargets(b)
	for _, t := range ts {
		for _, conc := range []int{1, 8, 64} {
			b.Run(fmt.Sprintf("%s/c=%d", t.name, conc), func(b *testing.B) {
				c := client(conc)
				// Warm the connections and the server.
				for i := 0; i < conc*4; i++ {
					if _, err := send(c, t, i); err != nil {
						b.Fatal(err)
					}
				}
				var lat []time.Duration
				var wall time.Duration
				b.ResetTimer()
				for n := 0; n < b.N; n++ {
					l, w, err := loadRun(c, t, conc)
					if err != nil {
						b.Fatal(err)
					}
					lat, wall = append(lat, l...), wall+w
				}
				b.StopTimer()
				slices.Sort(lat)
				b.ReportMetric(float64(len(lat))/wall.Seconds(), "decisions/s")
				b.ReportMetric(float64(lat[len(lat)/2].Microseconds()), "p50-µs")
				b.ReportMetric(float64(lat[len(lat)*99/100].Microseconds()), "p99-µs")
			})
		}
	}
}

// loadRun sends loadRequests requests from conc workers and returns each
// request's latency and the run's wall time.
func loadRun(c *http.Client, t httpTarget, conc int) ([]time.Duration, time.Duration, error) {
	lat := make([]time.Duration, loadRequests)
	var next atomic.Int64
	var wg sync.WaitGroup
	errs := make(chan error, conc)
	start := time.Now()
	for w := 0; w < conc; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i := int(next.Add(1)) - 1
				if i >= loadRequests {
					return
				}
				t0 := time.Now()
				if _, err := send(c, t, i); err != nil {
					errs <- err
					return
				}
				lat[i] = time.Since(t0)
			}
		}()
	}
	wg.Wait()
	wall := time.Since(start)
	select {
	case err := <-errs:
		return nil, 0, err
	default:
	}
	return lat, wall, nil
}
