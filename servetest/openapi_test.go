package servetest

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pb33f/libopenapi"
	validator "github.com/pb33f/libopenapi-validator"
	verrors "github.com/pb33f/libopenapi-validator/errors"
	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// cli is the directory of cmd/hubrules, whose golden files this module
// reads.
const cli = "../cmd/hubrules"

// exchange is one recorded request and answer of serve-exchanges.json.
type exchange struct {
	Name        string          `json:"name"`
	Method      string          `json:"method"`
	Path        string          `json:"path"`
	ContentType string          `json:"content_type"`
	Request     string          `json:"request"`
	Status      int             `json:"status"`
	Answer      string          `json:"answer_content_type"`
	Response    string          `json:"response"`
	Body        json.RawMessage `json:"body"`
}

func newValidator(t *testing.T) validator.Validator {
	t.Helper()
	spec, err := os.ReadFile(filepath.Join(cli, "testdata/serve/openapi.json"))
	require.NoError(t, err)
	doc, err := libopenapi.NewDocument(spec)
	require.NoError(t, err)
	v, errs := validator.NewValidator(doc)
	require.Empty(t, errs)
	return v
}

func describe(errs []*verrors.ValidationError) string {
	var b strings.Builder
	for _, e := range errs {
		fmt.Fprintf(&b, "%s: %s\n", e.Message, e.Reason)
		for _, s := range e.SchemaValidationErrors {
			fmt.Fprintf(&b, "  %s at %s\n", s.Reason, s.FieldPath)
		}
	}
	return b.String()
}

func TestOpenAPI_TheDocumentIsValidOpenAPI31(t *testing.T) {
	v := newValidator(t)
	ok, errs := v.ValidateDocument()
	assert.True(t, ok, describe(errs))
	spec, err := os.ReadFile(filepath.Join(cli, "testdata/serve/openapi.json"))
	require.NoError(t, err)
	assert.Contains(t, string(spec), `"openapi": "3.1.0"`)
}

func readExchanges(t *testing.T) []exchange {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(cli, "testdata/serve/exchanges.json"))
	require.NoError(t, err)
	var out []exchange
	require.NoError(t, json.Unmarshal(b, &out))
	require.NotEmpty(t, out)
	return out
}

func (x exchange) request(t *testing.T) *http.Request {
	t.Helper()
	var body io.Reader
	if x.Request != "" {
		b, err := os.ReadFile(filepath.Join(cli, x.Request))
		require.NoError(t, err)
		body = bytes.NewReader(b)
	}
	req, err := http.NewRequest(x.Method, "http://127.0.0.1:8080"+x.Path, body)
	require.NoError(t, err)
	if x.ContentType != "" {
		req.Header.Set("Content-Type", x.ContentType)
	}
	return req
}

func (x exchange) response(t *testing.T, req *http.Request) *http.Response {
	t.Helper()
	body := []byte(x.Body)
	if x.Response != "" {
		b, err := os.ReadFile(filepath.Join(cli, x.Response))
		require.NoError(t, err)
		body = b
	}
	h := http.Header{}
	h.Set("Content-Type", x.Answer)
	return &http.Response{StatusCode: x.Status, Header: h, Body: io.NopCloser(bytes.NewReader(body)), Request: req}
}

// TestOpenAPI_EverySampleAndGoldenAnswerValidates: each sample request
// (a kind's input with its programme and date) is a valid request, and
// each golden answer — every kind's decision, every problem, the
// catalogue, the parameters, health — a valid response of its operation.
func TestOpenAPI_EverySampleAndGoldenAnswerValidates(t *testing.T) {
	v := newValidator(t)
	decisions := 0
	for _, x := range readExchanges(t) {
		t.Run(x.Name, func(t *testing.T) {
			req := x.request(t)
			resp := x.response(t, req)
			if x.Status == http.StatusOK {
				ok, errs := v.ValidateHttpRequest(req)
				assert.True(t, ok, "request: %s", describe(errs))
				req = x.request(t) // the body was read
				resp = x.response(t, req)
			}
			if x.Status == http.StatusNotFound || x.Status == http.StatusMethodNotAllowed {
				// An unknown path or method has no operation to answer
				// for: its problem is checked against the Problem
				// schema of the document.
				assert.NoError(t, problemSchema(t).Validate(decodeJSON(t, x.Body)))
				if !strings.HasPrefix(x.Path, "/v1/rules/") && !strings.HasPrefix(x.Path, "/v1/params/") && !strings.HasPrefix(x.Path, "/v1/schemas/") {
					return
				}
			}
			ok, errs := v.ValidateHttpResponse(req, resp)
			assert.True(t, ok, "response: %s", describe(errs))
		})
		if x.Status == 200 && strings.HasPrefix(x.Path, "/v1/decisions/") {
			decisions++
		}
	}
	assert.GreaterOrEqual(t, decisions, 30, "every sample of every kind")
}

// problemSchema is the document's Problem component, compiled by a JSON
// Schema 2020-12 validator.
func problemSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	f, err := os.Open(filepath.Join(cli, "testdata/serve/openapi.json"))
	require.NoError(t, err)
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	require.NoError(t, err)
	c := jsonschema.NewCompiler()
	require.NoError(t, c.AddResource("mem:///openapi.json", doc))
	sch, err := c.Compile("mem:///openapi.json#/components/schemas/api.Problem")
	require.NoError(t, err)
	return sch
}

func decodeJSON(t *testing.T, b []byte) any {
	t.Helper()
	v, err := jsonschema.UnmarshalJSON(bytes.NewReader(b))
	require.NoError(t, err)
	return v
}

// TestOpenAPI_AWrongAnswerIsRefused: the validation is not vacuous — a
// golden decision with an unknown outcome, and a problem without its
// status, fail it.
func TestOpenAPI_AWrongAnswerIsRefused(t *testing.T) {
	v := newValidator(t)
	for _, x := range readExchanges(t) {
		if x.Name != "check-sync" && x.Name != "bad input" {
			continue
		}
		body := []byte(x.Body)
		if x.Response != "" {
			b, err := os.ReadFile(filepath.Join(cli, x.Response))
			require.NoError(t, err)
			body = b
		}
		var m map[string]any
		require.NoError(t, json.Unmarshal(body, &m))
		if _, ok := m["outcome"]; ok {
			m["outcome"] = "maybe"
		} else {
			delete(m, "status")
		}
		bad, err := json.Marshal(m)
		require.NoError(t, err)
		x.Response, x.Body = "", bad
		req := x.request(t)
		ok, _ := v.ValidateHttpResponse(req, x.response(t, req))
		assert.False(t, ok, x.Name)
		// A request without its date is refused as well.
		if x.Status == 200 {
			u, err := url.Parse(x.Path)
			require.NoError(t, err)
			q := u.Query()
			q.Del("date")
			u.RawQuery = q.Encode()
			x.Path = u.String()
			ok, _ = v.ValidateHttpRequest(x.request(t))
			assert.False(t, ok, "no date")
		}
	}
}
