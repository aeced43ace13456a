package reliability_test

import (
	"bufio"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"

	"github.com/hubrules/hubrules"
	"github.com/hubrules/hubrules/internal/serve"
)

// serveAPI is the entry of the service's rows in docs/bad-input.md.
const serveAPI = "hubrules serve: POST /v1/decisions/{kind}"

// serviceCases are the service's answers to bad requests: each row's
// input is the request as sent (method, target, content type and body),
// and its fields are those of the application/problem+json answer, or of
// the error record of a stream's line.
func serviceCases() []badCase {
	body := `{"id":"a","formal_members":3,"party_form":"liaison","events":[]}`
	c := func(desc, target, ct, body, code string) badCase {
		return badCase{API: serveAPI, Desc: desc, Code: code, Input: "POST " + target + " (" + ct + ") " + body,
			Call: func([]byte) error { return serviceAnswer(target, ct, body) }}
	}
	whole := func(b badCase) badCase { b.Whole = true; return b }
	return []badCase{
		c("programme and date missing", "/v1/decisions/check-sync", "application/json", body, "required"),
		c("unknown programme", "/v1/decisions/check-sync?programme=shanghai&date=2024-12-31", "application/json", body, "programme"),
		c("an impossible date", "/v1/decisions/check-sync?programme=kaixuan&date=2024-02-30", "application/json", body, "date"),
		c("unknown query parameter", "/v1/decisions/check-sync?programme=kaixuan&date=2024-12-31&lang=en", "application/json", body, "unknown_field"),
		c("a repeated query parameter", "/v1/decisions/check-sync?programme=kaixuan&date=2024-12-31&date=2024-12-30", "application/json", body, "duplicate"),
		c("unknown kind (404)", "/v1/decisions/check-sink?programme=kaixuan&date=2024-12-31", "application/json", body, "enum"),
		c("a form's content type (415)", "/v1/decisions/check-sync?programme=kaixuan&date=2024-12-31", "application/x-www-form-urlencoded", body, "media_type"),
		whole(c("a body over the size limit of 128 bytes (413; 70 spaces after the object)", "/v1/decisions/check-sync?programme=kaixuan&date=2024-12-31", "application/json", body+strings.Repeat(" ", 70), "max_bytes")),
		c("a bad line of a stream (answered in-line; the stream goes on)", "/v1/decisions/check-sync?programme=kaixuan&date=2024-12-31", "application/x-ndjson", body+"\\n"+`{"id":"b","formal_members":-1,"party_form":"liaison","events":[]}`, "gte"),
		whole(c("a stream of blank lines", "/v1/decisions/check-sync?programme=kaixuan&date=2024-12-31", "application/x-ndjson", "\\n \\n", "empty")),
	}
}

// service is the handler the rows are sent to: the limits of its rows
// (128-byte bodies), no schemas.
var service = func() http.Handler {
	s, err := serve.New(serve.Config{Limits: &hubrules.Limits{MaxBytes: 128, MaxDepth: 32, MaxItems: 1000, MaxString: 1024}})
	if err != nil {
		panic(err)
	}
	return s.Handler()
}()

// serviceAnswer sends the request and returns its fields as an
// *hubrules.InputError: a problem's, or those of the first error record
// of a stream; nil for an answer with neither.
func serviceAnswer(target, ct, body string) error {
	req := httptest.NewRequest(http.MethodPost, target, strings.NewReader(strings.ReplaceAll(body, `\n`, "\n")))
	req.Header.Set("Content-Type", ct)
	rec := httptest.NewRecorder()
	service.ServeHTTP(rec, req)
	if rec.Header().Get("Content-Type") == "application/problem+json" {
		var p serve.Problem
		if err := json.Unmarshal(rec.Body.Bytes(), &p); err != nil {
			return err
		}
		return hubrules.NewInputError(p.Fields...)
	}
	sc := bufio.NewScanner(rec.Body)
	for sc.Scan() {
		var r struct {
			Error *hubrules.InputError `json:"error"`
		}
		if err := json.Unmarshal(sc.Bytes(), &r); err == nil && r.Error != nil {
			return r.Error
		}
	}
	if rec.Code != http.StatusOK {
		return fmt.Errorf("status %d without a problem", rec.Code)
	}
	return nil
}
