package serve

import (
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestPageRoutes_MountedBesideTheAPI: the explorer answers at / as
// HTML; another method on a page path is a 405 with Allow; the API and
// an unknown path answer as before.
func TestPageRoutes_MountedBesideTheAPI(t *testing.T) {
	s, err := New(Config{})
	require.NoError(t, err)
	h := s.Handler()
	for _, c := range []struct {
		method, path string
		status       int
		ctype, allow string
	}{
		{"GET", "/", 200, "text/html; charset=utf-8", ""},
		{"HEAD", "/", 200, "text/html; charset=utf-8", ""},
		{"GET", "/rules/SYNC-4", 200, "text/html; charset=utf-8", ""},
		{"GET", "/compare", 200, "text/html; charset=utf-8", ""},
		{"GET", "/try", 200, "text/html; charset=utf-8", ""},
		{"GET", "/report", 200, "text/html; charset=utf-8", ""},
		{"GET", "/assets/try.js", 200, "text/javascript; charset=utf-8", ""},
		{"DELETE", "/try", 405, "application/problem+json", "GET, HEAD, POST"},
		{"PUT", "/report", 405, "application/problem+json", "GET, HEAD, POST"},
		{"POST", "/", 405, "application/problem+json", "GET, HEAD"},
		{"POST", "/compare", 405, "application/problem+json", "GET, HEAD"},
		{"GET", "/v1/rules/SYNC-4", 200, "application/json", ""},
		{"GET", "/no/such/page", 404, "application/problem+json", ""},
	} {
		w := httptest.NewRecorder()
		h.ServeHTTP(w, httptest.NewRequest(c.method, c.path, nil))
		assert.Equal(t, c.status, w.Code, "%s %s", c.method, c.path)
		assert.True(t, strings.HasPrefix(w.Header().Get("Content-Type"), c.ctype), "%s %s: %s", c.method, c.path, w.Header().Get("Content-Type"))
		assert.Equal(t, c.allow, w.Header().Get("Allow"), "%s %s", c.method, c.path)
	}
}
