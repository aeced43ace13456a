package serve

import (
	"bytes"
	"encoding/json"
	"log"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/hubrules/hubrules"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestLangOf_EnglishOnlyWhenPreferred(t *testing.T) {
	for h, want := range map[string]hubrules.Lang{
		"":                        hubrules.ZH,
		"en":                      hubrules.EN,
		"en-US":                   hubrules.EN,
		"EN-gb;q=0.8":             hubrules.EN,
		"zh-CN,zh;q=0.9,en;q=0.8": hubrules.ZH,
		"en;q=0.5,zh;q=0.9":       hubrules.ZH,
		"fr, en;q=0.3":            hubrules.EN,
		"en;q=0":                  hubrules.ZH,
		"de":                      hubrules.ZH,
		"en;q=banana":             hubrules.EN,
		"zh-Hant-TW;q=0.2, en-AU": hubrules.EN,
	} {
		r := httptest.NewRequest("GET", "/", nil)
		r.Header.Set("Accept-Language", h)
		assert.Equal(t, want, langOf(r), "%q", h)
	}
}

// TestWrap_APanicIsA500AndTheServiceGoesOn: a bug answers 500
// problem+json and is logged with its stack; the next request is
// answered.
func TestWrap_APanicIsA500AndTheServiceGoesOn(t *testing.T) {
	var logged bytes.Buffer
	s := &Server{cfg: Config{ErrorLog: log.New(&logged, "", 0)}, sem: make(chan struct{}, 1), metrics: newMetrics()}
	calls := 0
	h := s.wrap("test", true, func(w http.ResponseWriter, r *http.Request) {
		calls++
		if calls == 1 {
			panic("a bug")
		}
		_, _ = w.Write([]byte("ok"))
	})
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("GET", "/x", nil))
	assert.Equal(t, http.StatusInternalServerError, rec.Code)
	assert.Equal(t, "application/problem+json", rec.Header().Get("Content-Type"))
	assert.Contains(t, rec.Body.String(), `"code":"internal"`)
	assert.NotContains(t, rec.Body.String(), "a bug", "the panic value is logged, not answered")
	assert.Contains(t, logged.String(), "a bug")
	assert.Contains(t, logged.String(), "goroutine", "with its stack")
	rec = httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("GET", "/x", nil))
	assert.Equal(t, http.StatusOK, rec.Code, "the slot was given back")
	assert.Equal(t, "ok", rec.Body.String())
}

func TestNew_RefusesAnUnusableConfig(t *testing.T) {
	for name, cfg := range map[string]Config{
		"hash without key":   {Mask: MaskHash},
		"unknown mask":       {Mask: "blur"},
		"negative cap":       {MaxInFlight: -1},
		"incomplete schemas": {Schemas: map[string]json.RawMessage{"grade": []byte(`{}`)}},
	} {
		_, err := New(cfg)
		assert.Error(t, err, name)
	}
	_, err := OpenAPI(nil)
	require.Error(t, err)
	assert.True(t, strings.Contains(err.Error(), "api.Problem"), err.Error())
}
