package serve

import (
	"net/http"
	"sort"
	"strings"

	"github.com/hubrules/hubrules"
	"github.com/hubrules/hubrules/internal/kinds"
)

// rules answers GET /v1/rules: the whole catalogue, as hubrules rules
// --json writes it.
func (s *Server) rules(w http.ResponseWriter, r *http.Request) {
	if _, err := query(r, nil); err != nil {
		s.writeProblem(w, r, inputProblem(r, langOf(r), err))
		return
	}
	_ = writeJSON(w, contentJSON, kinds.Rules())
}

// rule answers GET /v1/rules/{id}: the rule with its sources and its
// parameters' values per programme, as hubrules explain --json writes it.
func (s *Server) rule(w http.ResponseWriter, r *http.Request) {
	if _, err := query(r, nil); err != nil {
		s.writeProblem(w, r, inputProblem(r, langOf(r), err))
		return
	}
	id := r.PathValue("id")
	entry, _, ok := kinds.Explain(id)
	if !ok {
		s.problem(w, r, "not_found", hubrules.NewInputError(hubrules.FieldError{Path: "id", Code: "unknown_rule", Value: id,
			Message: hubrules.T("未知的规则编号 "+id+"；GET /v1/rules 列出全部", "unknown rule ID "+id+"; GET /v1/rules lists them")}), hubrules.Text{})
		return
	}
	_ = writeJSON(w, contentJSON, entry)
}

// params answers GET /v1/params/{package}?programme=&date=: every
// parameter of the package in effect, as hubrules params --json writes
// them.
func (s *Server) params(w http.ResponseWriter, r *http.Request) {
	name := r.PathValue("package")
	p, ok := kinds.PackageNamed(name)
	if !ok {
		names := kinds.PackageNames()
		s.problem(w, r, "not_found", hubrules.NewInputError(hubrules.FieldError{Path: "package", Code: "unknown_package", Value: name,
			Message: hubrules.T("未知的规则包 "+name+"，可用："+strings.Join(names, "、"), "unknown package "+name+"; known: "+strings.Join(names, ", "))}), hubrules.Text{})
		return
	}
	env, err := s.envOf(r)
	if err != nil {
		s.writeProblem(w, r, inputProblem(r, langOf(r), err))
		return
	}
	out, warnings, err := kinds.ParamsInEffect(p, env.Programme, env.Date, func(set *hubrules.ParamSet) (*hubrules.ParamSet, error) { return set, nil })
	if err != nil {
		panic(err) // the shipped sets need no file: a bug
	}
	_ = writeJSON(w, contentJSON, map[string]any{"package": name, "programme": env.Programme, "date": env.Date,
		"date_source": env.DateSource, "params": out, "warnings": warnings})
}

// schema answers GET /v1/schemas/{name}: a kind's input schema ("grade")
// or the schema of its decision ("grade.output").
func (s *Server) schema(w http.ResponseWriter, r *http.Request) {
	name := r.PathValue("name")
	b, ok := s.cfg.Schemas[strings.TrimSuffix(name, ".json")]
	if !ok {
		names := make([]string, 0, len(s.cfg.Schemas))
		for n := range s.cfg.Schemas {
			names = append(names, n)
		}
		sort.Strings(names)
		s.problem(w, r, "not_found", hubrules.NewInputError(hubrules.FieldError{Path: "name", Code: "unknown_schema", Value: name,
			Message: hubrules.T("没有名为 "+name+" 的结构；可用："+strings.Join(names, "、"), "no schema named "+name+"; known: "+strings.Join(names, ", "))}), hubrules.Text{})
		return
	}
	w.Header().Set("Content-Type", "application/schema+json")
	_, _ = w.Write(b)
}

// openAPI answers GET /openapi.json.
func (s *Server) openAPI(w http.ResponseWriter, r *http.Request) {
	if s.openapi == nil {
		s.problem(w, r, "not_found", nil, hubrules.T("本服务未配置结构，没有 OpenAPI 文档", "this service has no schemas, so no OpenAPI document"))
		return
	}
	w.Header().Set("Content-Type", "application/json")
	_, _ = w.Write(s.openapi)
}
