package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"testing"

	"github.com/hubrules/hubrules"
	"github.com/hubrules/hubrules/internal/kinds"
	"github.com/hubrules/hubrules/internal/serve"
)

// FuzzServe_DecodesAnyRequest sends arbitrary bodies, as JSON or as a
// stream, with arbitrary query strings, to every kind: the answer is 200
// with a decision (or its records), or a problem of a bad request (400,
// 404, 413, 415), never a 500; every body is JSON.
func FuzzServe_DecodesAnyRequest(f *testing.F) {
	sch, err := serveSchemas()
	if err != nil {
		f.Fatal(err)
	}
	s, err := serve.New(serve.Config{Schemas: sch, Limits: &hubrules.Limits{MaxBytes: 1 << 16, MaxDepth: 16, MaxItems: 1000, MaxString: 1 << 10}, MaxLine: 1 << 12})
	if err != nil {
		f.Fatal(err)
	}
	h := s.Handler()
	all := kinds.All()
	for i, name := range sampleNames() {
		body, err := os.ReadFile(filepath.Join("testdata", samples[name].in))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(uint8(i), false, "programme=kaixuan&date=2024-12-31", body)
	}
	f.Add(uint8(0), true, "programme=kaixuan&date=2024-12-31", []byte("{}\n{\"id\":1}\n\n[]"))
	f.Add(uint8(3), false, "programme=%zz&date=today&x=1", []byte(`{"a":`))
	f.Fuzz(func(t *testing.T, kind uint8, stream bool, query string, body []byte) {
		k := all[int(kind)%len(all)]
		ct := "application/json"
		if stream {
			ct = "application/x-ndjson"
		}
		req := httptest.NewRequest(http.MethodPost, "/v1/decisions/"+url.PathEscape(serve.SchemaName(k.Name)), bytes.NewReader(body))
		req.URL.RawQuery = query // as sent, however malformed
		req.Header.Set("Content-Type", ct)
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		switch rec.Code {
		case http.StatusOK:
			if stream {
				sc := bufio.NewScanner(rec.Body)
				sc.Buffer(nil, 1<<24)
				for sc.Scan() {
					if !json.Valid(sc.Bytes()) {
						t.Fatalf("a record is not JSON: %q", sc.Text())
					}
				}
				return
			}
		case http.StatusBadRequest, http.StatusNotFound, http.StatusRequestEntityTooLarge, http.StatusUnsupportedMediaType:
			if rec.Header().Get("Content-Type") != "application/problem+json" {
				t.Fatalf("%d as %s", rec.Code, rec.Header().Get("Content-Type"))
			}
		default:
			t.Fatalf("status %d: %s", rec.Code, rec.Body.String())
		}
		if !json.Valid(rec.Body.Bytes()) {
			t.Fatalf("the answer is not JSON: %q", rec.Body.String())
		}
	})
}
