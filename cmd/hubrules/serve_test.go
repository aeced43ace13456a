package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/hubrules/hubrules"
	"github.com/hubrules/hubrules/internal/serve"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// newService returns the service with the CLI's schemas, cfg's other
// fields as given, on a test server.
func newService(t testing.TB, cfg serve.Config) *httptest.Server {
	t.Helper()
	sch, err := serveSchemas()
	require.NoError(t, err)
	cfg.Schemas = sch
	s, err := serve.New(cfg)
	require.NoError(t, err)
	ts := httptest.NewServer(s.Handler())
	t.Cleanup(ts.Close)
	return ts
}

// decisionURL is the service's URL of a sample's decision.
func decisionURL(base string, s sample) string {
	var kind []string
	var programme, date string
	for i := 0; i < len(s.args); i++ {
		switch s.args[i] {
		case "--programme":
			programme, i = s.args[i+1], i+1
		case "--date":
			date, i = s.args[i+1], i+1
		default:
			kind = append(kind, s.args[i])
		}
	}
	return base + "/v1/decisions/" + strings.Join(kind, "-") + "?" + url.Values{"programme": {programme}, "date": {date}}.Encode()
}

// call sends one request with the content type ct (none when "") and
// header's name–value pairs, and returns the answer with its body read.
func call(t testing.TB, method, u, ct string, body io.Reader, header ...string) (*http.Response, []byte) {
	t.Helper()
	req, err := http.NewRequest(method, u, body)
	require.NoError(t, err)
	if ct != "" {
		req.Header.Set("Content-Type", ct)
	}
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	resp, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	return resp, b
}

func post(t testing.TB, u, ct string, body io.Reader, header ...string) (*http.Response, []byte) {
	t.Helper()
	return call(t, http.MethodPost, u, ct, body, header...)
}

func get(t testing.TB, u string, header ...string) (*http.Response, []byte) {
	t.Helper()
	return call(t, http.MethodGet, u, "", nil, header...)
}

// exchange is one request to the service and its answer, recorded in
// testdata/serve/exchanges.json for the OpenAPI validation of
// servetest/.
type exchange struct {
	Name        string          `json:"name"`
	Method      string          `json:"method"`
	Path        string          `json:"path"`
	ContentType string          `json:"content_type,omitempty"`
	Request     string          `json:"request,omitempty"`
	Status      int             `json:"status"`
	Answer      string          `json:"answer_content_type"`
	Response    string          `json:"response,omitempty"`
	Body        json.RawMessage `json:"body,omitempty"`
}

// TestServe_SamplesGiveTheCLIEnvelopes posts every sample input to the
// service: each answer is the CLI's envelope for it (its golden file),
// with 200 and the outcome in Hubrules-Outcome.
func TestServe_SamplesGiveTheCLIEnvelopes(t *testing.T) {
	ts := newService(t, serve.Config{})
	var exchanges []exchange
	for _, name := range sampleNames() {
		s := samples[name]
		body, err := os.ReadFile(filepath.Join("testdata", s.in))
		require.NoError(t, err)
		_, cli, _ := runCLI(t, "", append(append([]string{}, s.args...), "--in", filepath.Join("testdata", s.in))...)
		u := decisionURL(ts.URL, s)
		resp, got := post(t, u, "application/json", bytes.NewReader(body))
		require.Equal(t, http.StatusOK, resp.StatusCode, "%s: %s", name, got)
		assert.Equal(t, "application/json", resp.Header.Get("Content-Type"), name)
		assert.JSONEq(t, cli, string(got), "%s: the service's envelope is the CLI's", name)
		var d struct{ Outcome string }
		require.NoError(t, json.Unmarshal(got, &d))
		assert.Equal(t, d.Outcome, resp.Header.Get("Hubrules-Outcome"), name)
		pu, _ := url.Parse(u)
		exchanges = append(exchanges, exchange{Name: name, Method: "POST", Path: pu.RequestURI(), ContentType: "application/json",
			Request: "testdata/" + s.in, Status: 200, Answer: "application/json", Response: "testdata/golden/" + name + ".json"})
		// ?view=compact answers the CLI's --compact decision.
		_, cliCompact, _ := runCLI(t, "", append(append([]string{}, s.args...), "--compact", "--in", filepath.Join("testdata", s.in))...)
		resp, got = post(t, u+"&view=compact", "application/json", bytes.NewReader(body))
		require.Equal(t, http.StatusOK, resp.StatusCode, "%s: %s", name, got)
		assert.JSONEq(t, cliCompact, string(got), "%s: the service's compact decision is the CLI's", name)
		assert.Equal(t, d.Outcome, resp.Header.Get("Hubrules-Outcome"), name)
		exchanges = append(exchanges, exchange{Name: name + " compact", Method: "POST", Path: pu.RequestURI() + "&view=compact", ContentType: "application/json",
			Request: "testdata/" + s.in, Status: 200, Answer: "application/json", Body: json.RawMessage(got)})
	}
	for _, p := range problemRequests() {
		resp, got := p.do(t, ts.URL)
		exchanges = append(exchanges, exchange{Name: p.name, Method: p.method, Path: p.path, ContentType: p.ct, Request: p.bodyFile,
			Status: resp.StatusCode, Answer: resp.Header.Get("Content-Type"), Body: json.RawMessage(got)})
	}
	for _, p := range []string{"/v1/rules", "/v1/rules/SYNC-1", "/v1/params/hub?programme=kaixuan&date=2024-12-31", "/healthz", "/readyz"} {
		resp, got := get(t, ts.URL+p)
		require.Equal(t, http.StatusOK, resp.StatusCode, p)
		exchanges = append(exchanges, exchange{Name: "GET " + p, Method: "GET", Path: p, Status: 200, Answer: resp.Header.Get("Content-Type"), Body: json.RawMessage(got)})
	}
	b, err := json.MarshalIndent(exchanges, "", "  ")
	require.NoError(t, err)
	// Beside the CLI's goldens, not among them (testdata/serve/): they
	// are the service's.
	golden(t, "../serve/exchanges.json", string(b)+"\n")
	_, doc := get(t, ts.URL+"/openapi.json")
	golden(t, "../serve/openapi.json", string(doc)+"\n")
}

// TestServe_StreamsGiveTheCLIRecords posts the JSON Lines samples as
// application/x-ndjson: the records are the CLI's --jsonl records, the
// bad line answered in-line with its number.
func TestServe_StreamsGiveTheCLIRecords(t *testing.T) {
	ts := newService(t, serve.Config{})
	for _, c := range []struct{ file, kind, programme, date string }{
		{"check-sync.jsonl", "check-sync", "kaixuan", "2024-12-31"},
		{"grade.jsonl", "grade", "xiyuan", "2024-06-01"},
	} {
		in, err := os.ReadFile(filepath.Join("testdata", c.file))
		require.NoError(t, err)
		// ?view=compact gives the records of --compact.
		for _, view := range []string{"", "compact"} {
			args := append(strings.Split(strings.ReplaceAll(c.kind, "-", " "), " "), "--jsonl", "--programme", c.programme, "--date", c.date)
			u := ts.URL + "/v1/decisions/" + c.kind + "?programme=" + c.programme + "&date=" + c.date
			if view != "" {
				args, u = append(args, "--compact"), u+"&view="+view
			}
			_, cli, _ := runCLI(t, string(in), args...)
			resp, got := post(t, u, "application/x-ndjson", bytes.NewReader(in))
			require.Equal(t, http.StatusOK, resp.StatusCode, string(got))
			assert.Equal(t, "application/x-ndjson", resp.Header.Get("Content-Type"))
			want, have := strings.Split(strings.TrimSpace(cli), "\n"), strings.Split(strings.TrimSpace(string(got)), "\n")
			require.Len(t, have, len(want), c.file)
			for i := range want {
				assert.JSONEq(t, want[i], have[i], "%s record %d (view %q)", c.file, i, view)
			}
		}
	}
	// An over-long line is answered in-line and the stream goes on; a
	// stream of blank lines is bad input.
	good := syncLines(t)
	long := `{"id":"` + strings.Repeat("x", 400) + `"}`
	ts2 := newService(t, serve.Config{MaxLine: 300})
	resp, got := post(t, ts2.URL+"/v1/decisions/check-sync?programme=kaixuan&date=2024-12-31", "application/x-ndjson",
		strings.NewReader(good[0]+"\n"+long+"\n"+good[1]+"\n"))
	require.Equal(t, http.StatusOK, resp.StatusCode)
	lines := jsonlRecords(t, string(got), "check sync")
	require.Len(t, lines, 3)
	assert.Contains(t, lines[1], `"code":"max_line"`)
	assert.Contains(t, lines[1], `"line":2`)
	assert.NotContains(t, lines[1], "xxx", "the line is not echoed")
	resp, got = post(t, ts2.URL+"/v1/decisions/check-sync?programme=kaixuan&date=2024-12-31", "application/x-ndjson", strings.NewReader("\n \n"))
	assert.Equal(t, http.StatusBadRequest, resp.StatusCode)
	assert.Contains(t, string(got), `"code":"empty"`)
}

// problemRequest is a request the service refuses.
type problemRequest struct {
	name, method, path, ct, body, bodyFile string
	header                                 []string
	status                                 int
	// code is the problem's code; field the path of its first field.
	code, field string
}

func (p problemRequest) do(t testing.TB, base string) (*http.Response, []byte) {
	t.Helper()
	body := p.body
	if p.bodyFile != "" {
		b, err := os.ReadFile(p.bodyFile)
		require.NoError(t, err)
		body = string(b)
	}
	return call(t, p.method, base+p.path, p.ct, strings.NewReader(body), p.header...)
}

const syncPath = "/v1/decisions/check-sync?programme=kaixuan&date=2024-12-31"

// problemRequests are the refusals of every status the service gives for
// a request (413 with the default 16 MiB limit is in
// TestServe_Bounds).
func problemRequests() []problemRequest {
	return []problemRequest{
		{name: "bad input", method: "POST", path: syncPath, ct: "application/json", body: `{"id":"a","formal_members":-1,"party_form":"liaison","events":[]}`, status: 400, code: "invalid_input", field: "formal_members"},
		{name: "malformed JSON", method: "POST", path: syncPath, ct: "application/json", body: `{"id":`, status: 400, code: "invalid_input", field: ""},
		{name: "unknown field", method: "POST", path: syncPath, ct: "application/json; charset=utf-8", body: `{"nope":1}`, status: 400, code: "invalid_input", field: "nope"},
		{name: "missing date", method: "POST", path: "/v1/decisions/check-sync?programme=kaixuan", ct: "application/json", bodyFile: "testdata/check-sync.json", status: 400, code: "invalid_input", field: "date"},
		{name: "unknown programme", method: "POST", path: "/v1/decisions/check-sync?programme=shanghai&date=2024-12-31", ct: "application/json", bodyFile: "testdata/check-sync.json", status: 400, code: "invalid_input", field: "programme"},
		{name: "bad date", method: "POST", path: "/v1/decisions/check-sync?programme=kaixuan&date=2024-02-30", ct: "application/json", bodyFile: "testdata/check-sync.json", status: 400, code: "invalid_input", field: "date"},
		{name: "unknown query parameter", method: "POST", path: syncPath + "&lang=en", ct: "application/json", bodyFile: "testdata/check-sync.json", status: 400, code: "invalid_input", field: "lang"},
		{name: "unknown view", method: "POST", path: syncPath + "&view=tiny", ct: "application/json", bodyFile: "testdata/check-sync.json", status: 400, code: "invalid_input", field: "view"},
		{name: "repeated query parameter", method: "POST", path: syncPath + "&date=2024-12-30", ct: "application/json", bodyFile: "testdata/check-sync.json", status: 400, code: "invalid_input", field: "date"},
		{name: "unknown kind", method: "POST", path: "/v1/decisions/check-sink?programme=kaixuan&date=2024-12-31", ct: "application/json", body: `{}`, status: 404, code: "not_found", field: "kind"},
		{name: "no content type", method: "POST", path: syncPath, bodyFile: "testdata/check-sync.json", status: 415, code: "unsupported_media_type", field: "Content-Type"},
		{name: "form content type", method: "POST", path: syncPath, ct: "application/x-www-form-urlencoded", bodyFile: "testdata/check-sync.json", status: 415, code: "unsupported_media_type", field: "Content-Type"},
		{name: "wrong method", method: "GET", path: "/v1/decisions/check-sync", status: 405, code: "method_not_allowed"},
		{name: "unknown route", method: "GET", path: "/v2/nothing", status: 404, code: "not_found"},
		{name: "unknown rule", method: "GET", path: "/v1/rules/SYNC-99", status: 404, code: "not_found", field: "id"},
		{name: "unknown package", method: "GET", path: "/v1/params/hubs?programme=kaixuan&date=2024-12-31", status: 404, code: "not_found", field: "package"},
		{name: "params without programme", method: "GET", path: "/v1/params/hub?date=2024-12-31", status: 400, code: "invalid_input", field: "programme"},
		{name: "unknown schema", method: "GET", path: "/v1/schemas/grades", status: 404, code: "not_found", field: "name"},
		{name: "English problem", method: "POST", path: "/v1/decisions/check-sync?programme=kaixuan", ct: "application/json", body: `{}`, header: []string{"Accept-Language", "en-GB,en;q=0.9,zh;q=0.5"}, status: 400, code: "invalid_input", field: "date"},
	}
}

// TestServe_Problems checks every refusal: its status, application/
// problem+json, the RFC 9457 members, the code and the field path, the
// title in Chinese unless English is asked for.
func TestServe_Problems(t *testing.T) {
	ts := newService(t, serve.Config{})
	for _, p := range problemRequests() {
		t.Run(p.name, func(t *testing.T) {
			resp, body := p.do(t, ts.URL)
			require.Equal(t, p.status, resp.StatusCode, string(body))
			assert.Equal(t, "application/problem+json", resp.Header.Get("Content-Type"))
			var got serve.Problem
			require.NoError(t, json.Unmarshal(body, &got), string(body))
			assert.Equal(t, p.status, got.Status)
			assert.Equal(t, p.code, got.Code)
			assert.Equal(t, "urn:hubrules:problem:"+p.code, got.Type)
			assert.NotEmpty(t, got.Title)
			assert.NotEmpty(t, got.Detail)
			assert.Equal(t, strings.SplitN(p.path, "?", 2)[0], got.Instance)
			if p.field != "" || p.code == "invalid_input" {
				require.NotEmpty(t, got.Fields)
				assert.Equal(t, p.field, got.Fields[0].Path)
				assert.NotEmpty(t, got.Fields[0].Message.ZH)
				assert.NotEmpty(t, got.Fields[0].Message.EN)
			}
			en := len(p.header) > 0
			assert.Equal(t, map[bool]string{true: "en", false: "zh"}[en], resp.Header.Get("Content-Language"))
			if en {
				assert.Equal(t, "invalid input", got.Title)
				assert.Contains(t, got.Detail, "the query parameter date is missing")
			} else {
				assert.Regexp(t, `\p{Han}`, got.Title, "Chinese by default")
			}
			if p.status == 405 {
				assert.Equal(t, "POST", resp.Header.Get("Allow"))
			}
		})
	}
}

// TestServe_Routes checks each GET route's status, content type and
// content.
func TestServe_Routes(t *testing.T) {
	ts := newService(t, serve.Config{})
	for _, c := range []struct {
		path, ct, contains string
	}{
		{"/v1/rules", "application/json", `"id":"SYNC-1"`},
		{"/v1/rules/SYNC-1", "application/json", `"param_values"`},
		{"/v1/params/hub?programme=kaixuan&date=2024-12-31", "application/json", `"name":"sync_links"`},
		{"/v1/params/funding?programme=lujiazui&date=today", "application/json", `"date_source":"clock"`},
		{"/v1/schemas/check-sync", "application/schema+json", `"hubrules check sync input"`},
		{"/v1/schemas/grade.output", "application/schema+json", `"hubrules grade output"`},
		{"/openapi.json", "application/json", `"openapi": "3.1.0"`},
		{"/healthz", "application/json", `"status":"ok"`},
		{"/readyz", "application/json", `"status":"ready"`},
		{"/metrics", "text/plain", "hubrules_http_requests_total"},
	} {
		resp, body := get(t, ts.URL+c.path)
		require.Equal(t, http.StatusOK, resp.StatusCode, "%s: %s", c.path, body)
		assert.True(t, strings.HasPrefix(resp.Header.Get("Content-Type"), c.ct), "%s: %s", c.path, resp.Header.Get("Content-Type"))
		assert.Contains(t, string(body), c.contains, c.path)
	}
	// The catalogue is the CLI's.
	_, rules := get(t, ts.URL+"/v1/rules")
	_, cli, _ := runCLI(t, "", "rules", "--json")
	assert.JSONEq(t, cli, string(rules))
	_, rule := get(t, ts.URL+"/v1/rules/SYNC-1")
	_, cli, _ = runCLI(t, "", "explain", "SYNC-1", "--json")
	assert.JSONEq(t, cli, string(rule))
	_, params := get(t, ts.URL+"/v1/params/hub?programme=kaixuan&date=2024-12-31")
	_, cli, _ = runCLI(t, "", "params", "hub", "--programme", "kaixuan", "--date", "2024-12-31", "--json")
	assert.JSONEq(t, cli, string(params))
	_, sch := get(t, ts.URL+"/v1/schemas/check-sync")
	_, cli, _ = runCLI(t, "", "schema", "check", "sync")
	assert.JSONEq(t, cli, string(sch))
	// The metrics count the decisions by kind and outcome.
	post(t, ts.URL+syncPath, "application/json", strings.NewReader(`{"id":"a","formal_members":3,"party_form":"liaison","events":[]}`))
	_, m := get(t, ts.URL+"/metrics")
	assert.Contains(t, string(m), `hubrules_decisions_total{kind="check sync",outcome=`)
	assert.Contains(t, string(m), `hubrules_decision_duration_seconds_bucket{kind="check sync"`)
}

// TestServe_Bounds: a body over MaxBytes is 413 with the limit named,
// with or without a Content-Length; past MaxInFlight requests in flight,
// 503 with Retry-After.
func TestServe_Bounds(t *testing.T) {
	ts := newService(t, serve.Config{Limits: &hubrules.Limits{MaxBytes: 100, MaxDepth: 32, MaxItems: 10, MaxString: 64}, MaxInFlight: 1})
	big := `{"id":"` + strings.Repeat("a", 200) + `"}`
	resp, body := post(t, ts.URL+syncPath, "application/json", strings.NewReader(big))
	assert.Equal(t, http.StatusRequestEntityTooLarge, resp.StatusCode, string(body))
	assert.Contains(t, string(body), `"code":"max_bytes"`)
	assert.Contains(t, string(body), `"param":"100"`)
	resp, body = post(t, ts.URL+syncPath, "application/json", io.MultiReader(strings.NewReader(big)))
	assert.Equal(t, http.StatusRequestEntityTooLarge, resp.StatusCode, "chunked, no Content-Length: %s", body)
	resp, body = post(t, ts.URL+syncPath, "application/json", strings.NewReader(`{"id":"`+strings.Repeat("b", 70)+`"}`))
	assert.Equal(t, http.StatusBadRequest, resp.StatusCode)
	assert.Contains(t, string(body), `"code":"max_string"`)

	// One stream holds the one slot while its body is open.
	pr, pw := io.Pipe()
	var wg sync.WaitGroup
	wg.Add(1)
	first := make(chan string, 1)
	go func() {
		defer wg.Done()
		req, _ := http.NewRequest(http.MethodPost, ts.URL+syncPath, pr)
		req.Header.Set("Content-Type", "application/x-ndjson")
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			first <- err.Error()
			return
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		first <- string(b)
	}()
	line := `{"id":"a","formal_members":3,"party_form":"liaison","events":[]}` + "\n"
	_, err := pw.Write([]byte(line))
	require.NoError(t, err)
	// Wait until the stream is being answered (its slot taken).
	require.Eventually(t, func() bool {
		_, m := get(t, ts.URL+"/metrics")
		return strings.Contains(string(m), "hubrules_requests_in_flight 1")
	}, 5e9, 1e7)
	resp, body = post(t, ts.URL+syncPath, "application/json", strings.NewReader(line))
	assert.Equal(t, http.StatusServiceUnavailable, resp.StatusCode, string(body))
	assert.Equal(t, "1", resp.Header.Get("Retry-After"))
	assert.Contains(t, string(body), `"code":"overloaded"`)
	resp, _ = get(t, ts.URL+"/healthz")
	assert.Equal(t, http.StatusOK, resp.StatusCode, "health is not capped")
	require.NoError(t, pw.Close())
	wg.Wait()
	out := <-first
	assert.Len(t, strings.Split(strings.TrimSpace(out), "\n"), 2, out)
	resp, _ = post(t, ts.URL+syncPath, "application/json", strings.NewReader(line))
	assert.Equal(t, http.StatusOK, resp.StatusCode, "the slot is free again")
}

// TestServe_DecisionLog: off by default; one line per decision with the
// input's digest; the input only masked, its personal fields (an
// incubation history's actor) removed or hashed.
func TestServe_DecisionLog(t *testing.T) {
	body, err := os.ReadFile("testdata/incubate.json")
	require.NoError(t, err)
	u := "/v1/decisions/incubate?programme=kaixuan&date=2024-03-01"
	for _, c := range []struct {
		mask  serve.Mask
		key   string
		input bool
	}{{serve.MaskNone, "", false}, {serve.MaskRemove, "", true}, {serve.MaskHash, "district secret", true}} {
		var log bytes.Buffer
		ts := newService(t, serve.Config{DecisionLog: &syncWriter{w: &log}, Mask: c.mask, MaskKey: []byte(c.key)})
		resp, out := post(t, ts.URL+u, "application/json", bytes.NewReader(body))
		require.Equal(t, http.StatusOK, resp.StatusCode, string(out))
		require.Contains(t, string(out), incubateActor, "the answer is the caller's own data")
		lines := strings.Split(strings.TrimSpace(log.String()), "\n")
		require.Len(t, lines, 1, log.String())
		var rec serve.LogRecord
		require.NoError(t, json.Unmarshal([]byte(lines[0]), &rec))
		assert.Equal(t, "incubate", rec.Kind)
		assert.Equal(t, hubrules.Kaixuan, rec.Programme)
		assert.Equal(t, "2024-03-01", rec.AsOf.String())
		assert.NotEmpty(t, rec.Outcome)
		assert.NotEmpty(t, rec.RuleSet.Params)
		assert.NotEmpty(t, rec.Time)
		assert.NotContains(t, lines[0], incubateActor, "mask %q", c.mask)
		assert.Equal(t, c.input, rec.Input != nil, "mask %q", c.mask)
		if c.mask == serve.MaskHash {
			assert.True(t, strings.HasPrefix(rec.InputDigest, "hmac-sha256:"))
			assert.Contains(t, lines[0], `"masked:`)
		} else {
			assert.True(t, strings.HasPrefix(rec.InputDigest, "sha256:"))
		}
	}
}

// syncWriter is a writer safe for the service's goroutines and the test.
type syncWriter struct {
	mu sync.Mutex
	w  io.Writer
}

func (s *syncWriter) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.w.Write(p)
}

// TestServe_StreamsRecordByRecord: a record is sent before the next line
// of the body is written.
func TestServe_StreamsRecordByRecord(t *testing.T) {
	ts := newService(t, serve.Config{})
	pr, pw := io.Pipe()
	req, _ := http.NewRequest(http.MethodPost, ts.URL+syncPath, pr)
	req.Header.Set("Content-Type", "application/x-ndjson")
	respc := make(chan *http.Response, 1)
	go func() {
		resp, err := http.DefaultClient.Do(req)
		if err == nil {
			respc <- resp
		}
	}()
	good := syncLines(t)
	_, err := io.WriteString(pw, good[0]+"\n")
	require.NoError(t, err)
	resp := <-respc
	defer resp.Body.Close()
	r := bufio.NewReader(resp.Body)
	head, err := r.ReadString('\n')
	require.NoError(t, err)
	assert.Contains(t, head, `"kind":"check sync"`)
	rec, err := r.ReadString('\n')
	require.NoError(t, err)
	assert.Contains(t, rec, `"line":1`)
	_, err = io.WriteString(pw, good[1]+"\n")
	require.NoError(t, err)
	rec, err = r.ReadString('\n')
	require.NoError(t, err)
	assert.Contains(t, rec, `"line":2`)
	require.NoError(t, pw.Close())
	rest, _ := io.ReadAll(r)
	assert.Empty(t, strings.TrimSpace(string(rest)))
}

// TestServe_CommandLine: serve's flags are checked before it listens, as
// usage errors (exit 2); --help lists them.
func TestServe_CommandLine(t *testing.T) {
	for _, args := range [][]string{
		{"serve", "--max-bytes", "-1"},
		{"serve", "--max-in-flight", "0"},
		{"serve", "--read-timeout", "0s"},
		{"serve", "--mask", "remove"},
		{"serve", "--decision-log", "/dev/null", "--mask", "hash"},
		{"serve", "extra"},
		{"serve", "--addr", "256.0.0.1:1"},
	} {
		code, out, errOut := runCLI(t, "", args...)
		assert.Equal(t, exitInput, code, "%v: %s", args, errOut)
		assert.Empty(t, out)
		assert.Contains(t, errOut, `"code":"usage"`, args)
	}
	code, out, _ := runCLI(t, "", "serve", "--help")
	assert.Equal(t, exitOK, code)
	for _, f := range []string{"--addr", "--decision-log", "--mask", "--max-in-flight", "--write-timeout"} {
		assert.Contains(t, out, f)
	}
}
