package serve

import (
	"net/http"
	"strings"

	"github.com/hubrules/hubrules"
	"github.com/hubrules/hubrules/internal/pages"
)

// pageRoutes mounts the pages for policy officers (internal/pages: the
// rule and parameter explorer at /, "try it" and the hub report) with
// what every route has (recovery, the cap on requests in flight, the
// metrics), and answers another method on their paths with 405 and Allow.
func (s *Server) pageRoutes() error {
	p, err := pages.New(pages.Config{Limits: s.limits, Samples: s.cfg.Samples, ReportSample: s.cfg.ReportSample, Clock: s.cfg.Clock})
	if err != nil {
		return err
	}
	allow := map[string][]string{}
	var paths []string
	for _, rt := range p.Routes() {
		limited := !strings.HasPrefix(rt.Path, "/assets/")
		s.mux.Handle(rt.Method+" "+rt.Path, s.wrap(rt.Path, limited, rt.Handler))
		if allow[rt.Path] == nil {
			paths = append(paths, rt.Path)
		}
		allow[rt.Path] = append(allow[rt.Path], rt.Method)
		if rt.Method == "GET" {
			allow[rt.Path] = append(allow[rt.Path], "HEAD")
		}
	}
	for _, path := range paths {
		methods := strings.Join(allow[path], ", ")
		s.mux.Handle(path, s.wrap(path, false, func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Allow", methods)
			s.problem(w, r, "method_not_allowed", nil, hubrules.T("该路径只接受 "+methods, "this path takes "+methods+" only"))
		}))
	}
	return nil
}
