package serve

import (
	"encoding/json"
	"fmt"
	"sort"
	"strings"

	"github.com/hubrules/hubrules"
	"github.com/hubrules/hubrules/internal/kinds"
)

// APIComponents are the schemas besides the kinds' that the OpenAPI
// document needs, generated from the Go types the routes write: the
// problem (Problem), a rule of the catalogue (hubrules.Rule), a rule with
// its parameters (kinds.RuleEntry) and a parameter in effect
// (kinds.InEffect). Config.Schemas must hold each under its name.
var APIComponents = []string{"api.Problem", "api.Rule", "api.RuleEntry", "api.InEffect"}

// compactSchema is the schema of the compact decision (?view=compact).
const compactSchema = "compact.output"

// SchemaName is the name of a kind's input schema ("check sync" →
// "check-sync"); its decision's is SchemaName(kind) + ".output".
func SchemaName(kind string) string { return strings.ReplaceAll(kind, " ", "-") }

// OpenAPI returns the OpenAPI 3.1 document of the service, built from
// schemas (Config.Schemas): one path per kind, with its input schema for
// the request body and its decision's schema for the answer, the
// programme and date parameters with every code, and every problem. The
// $defs of each schema become components of their own,
// "<schema>_<def>", so that every $ref resolves in the one document.
func OpenAPI(schemas map[string]json.RawMessage) ([]byte, error) {
	comps := map[string]any{}
	for name, raw := range schemas {
		if strings.HasPrefix(name, "api.") && !contains(APIComponents, name) {
			continue
		}
		var s map[string]any
		if err := json.Unmarshal(raw, &s); err != nil {
			return nil, fmt.Errorf("serve: schema %s: %w", name, err)
		}
		delete(s, "$schema")
		defs, _ := s["$defs"].(map[string]any)
		delete(s, "$defs")
		prefix := "#/components/schemas/" + name + "_"
		comps[name] = rewriteRefs(s, prefix)
		for d, def := range defs {
			comps[name+"_"+d] = rewriteRefs(def, prefix)
		}
	}
	for _, n := range APIComponents {
		if _, ok := comps[n]; !ok {
			return nil, fmt.Errorf("serve: the schema %s is missing", n)
		}
	}
	ref := func(name string) map[string]any { return map[string]any{"$ref": "#/components/schemas/" + name} }
	problem := func(desc string) map[string]any {
		return map[string]any{"description": desc, "content": map[string]any{"application/problem+json": map[string]any{"schema": ref("api.Problem")}}}
	}
	var programmes []any
	for _, p := range hubrules.Programmes() {
		programmes = append(programmes, string(p))
	}
	params := []any{
		map[string]any{"name": "programme", "in": "query", "required": true, "description": "项目 / programme",
			"schema": map[string]any{"type": "string", "enum": programmes}},
		map[string]any{"name": "date", "in": "query", "required": true, "description": "评估日期 YYYY-MM-DD，或 today 取服务器时钟 / evaluation date, or today for the server's clock",
			"schema": map[string]any{"type": "string", "pattern": `^([0-9]{4}-[0-9]{2}-[0-9]{2}|today)$`}},
	}
	viewParam := map[string]any{"name": "view", "in": "query", "required": false,
		"description": "full（缺省）：完整判定信封；compact：紧凑判定（结果、未通过的规则、发现的代码与事实，不含重复文本；JSON Lines 每行为 compact.line）/ full (the default): the whole envelope; compact: the compact decision (outcome, failed rules, findings' codes and facts, no repeated texts; compact.line records with JSON Lines)",
		"schema":      map[string]any{"type": "string", "enum": []any{"full", "compact"}}}
	if _, ok := comps[compactSchema]; !ok {
		return nil, fmt.Errorf("serve: the schema %s is missing", compactSchema)
	}
	langParam := map[string]any{"name": "Accept-Language", "in": "header", "required": false,
		"description": "zh（缺省）或 en：问题说明的语言 / zh (default) or en: the language of problem titles and details",
		"schema":      map[string]any{"type": "string"}}
	var outcomes []any
	for _, o := range hubrules.DecisionOutcomes() {
		outcomes = append(outcomes, string(o))
	}
	common := map[string]any{
		"404": problem("未知的判定种类、规则、规则包、结构或路径 / unknown kind, rule, package, schema or path"),
		"405": problem("不支持该请求方法 / method not allowed"),
		"500": problem("内部错误（已记录）/ internal error (logged)"),
		"503": problem("同时处理的请求已达上限（见 Retry-After）/ too many requests in flight (see Retry-After)"),
	}
	with := func(m map[string]any) map[string]any {
		for k, v := range common {
			if _, ok := m[k]; !ok {
				m[k] = v
			}
		}
		return m
	}
	paths := map[string]any{}
	for _, k := range kinds.All() {
		n := SchemaName(k.Name)
		if _, ok := comps[n]; !ok {
			return nil, fmt.Errorf("serve: the input schema of %s is missing", k.Name)
		}
		if _, ok := comps[n+".output"]; !ok {
			return nil, fmt.Errorf("serve: the decision schema of %s is missing", k.Name)
		}
		paths["/v1/decisions/"+n] = map[string]any{"post": map[string]any{
			"operationId": "decide-" + n,
			"summary":     k.Summary.ZH + " / " + k.Summary.EN,
			"tags":        []any{k.Package},
			"parameters":  append(append([]any(nil), params...), viewParam, langParam),
			"requestBody": map[string]any{"required": true, "content": map[string]any{
				contentJSON:   map[string]any{"schema": ref(n)},
				contentNDJSON: map[string]any{"schema": map[string]any{"type": "string", "description": "每行一个输入（见 " + n + "）/ one input a line (see " + n + ")"}},
			}},
			"responses": with(map[string]any{
				"200": map[string]any{"description": "判定（含 refused：规则拒绝的操作也是判定）/ the decision (refused too: a refusal is a decision)",
					"headers": map[string]any{"Hubrules-Outcome": map[string]any{"description": "outcome of a JSON body",
						"schema": map[string]any{"type": "string", "enum": outcomes}}},
					"content": map[string]any{
						contentJSON: map[string]any{"schema": map[string]any{"oneOf": []any{ref(n + ".output"), ref(compactSchema)}}},
						contentNDJSON: map[string]any{"schema": map[string]any{"type": "string",
							"description": "首行为头记录 {kind, programme, as_of, rule_set}（见 jsonl.header），之后每行一条记录 {line, outcome, checks, findings, basis?, sources?, citations?, result}（见 jsonl.line：依据、规则出处与发现出处每流只写一次；view=compact 时为 {line, outcome, failed, findings}，见 compact.line）或 {line, error} / a header record (see jsonl.header), then one record a line (see jsonl.line: the basis, the rules' sources and the findings' citations written once per stream; {line, outcome, failed, findings} with view=compact, see compact.line), or {line, error} for a bad line"}},
					}},
				"400": problem("输入无效：每个字段的路径、代码与中英文说明 / bad input: each field's path, code and message in zh and en"),
				"413": problem("请求体超过大小上限 / body over the size limit"),
				"415": problem("内容类型应为 application/json 或 application/x-ndjson / content type must be application/json or application/x-ndjson"),
			}),
		}}
	}
	get := func(id, summary string, parameters []any, ok map[string]any, extra map[string]any) map[string]any {
		resp := with(map[string]any{"200": ok})
		for k, v := range extra {
			resp[k] = v
		}
		op := map[string]any{"operationId": id, "summary": summary, "responses": resp}
		if parameters != nil {
			op["parameters"] = parameters
		}
		return map[string]any{"get": op}
	}
	jsonOK := func(desc string, schema map[string]any) map[string]any {
		return map[string]any{"description": desc, "content": map[string]any{contentJSON: map[string]any{"schema": schema}}}
	}
	pathParam := func(name, desc string) map[string]any {
		return map[string]any{"name": name, "in": "path", "required": true, "description": desc, "schema": map[string]any{"type": "string"}}
	}
	status := func(values ...any) map[string]any {
		return map[string]any{"type": "object", "additionalProperties": false, "required": []any{"status"},
			"properties": map[string]any{"status": map[string]any{"type": "string", "enum": values}}}
	}
	var schemaNames []any
	for n := range schemas {
		if !strings.HasPrefix(n, "api.") {
			schemaNames = append(schemaNames, n)
		}
	}
	sort.Slice(schemaNames, func(i, j int) bool { return schemaNames[i].(string) < schemaNames[j].(string) })
	var pkgNames []any
	for _, n := range kinds.PackageNames() {
		pkgNames = append(pkgNames, n)
	}
	bad := map[string]any{"400": problem("查询参数有误 / bad query parameters")}
	paths["/v1/rules"] = get("rules", "规则目录 / the rule catalogue", nil, jsonOK("every rule", map[string]any{"type": "array", "items": ref("api.Rule")}), bad)
	paths["/v1/rules/{id}"] = get("rule", "一条规则及其各项目的参数 / one rule with its parameters per programme",
		[]any{pathParam("id", "规则编号 / rule ID")}, jsonOK("the rule", ref("api.RuleEntry")), bad)
	paths["/v1/params/{package}"] = get("params", "规则包在某项目某日生效的参数 / a package's parameters in effect",
		append([]any{map[string]any{"name": "package", "in": "path", "required": true, "schema": map[string]any{"type": "string", "enum": pkgNames}}}, params...),
		jsonOK("the parameters in effect", map[string]any{"type": "object", "additionalProperties": false,
			"required": []any{"package", "programme", "date", "date_source", "params", "warnings"},
			"properties": map[string]any{
				"package": map[string]any{"type": "string", "enum": pkgNames}, "programme": map[string]any{"type": "string", "enum": programmes},
				"date": map[string]any{"type": "string", "format": "date"}, "date_source": map[string]any{"type": "string", "enum": []any{"caller", "clock"}},
				"params":   map[string]any{"type": "array", "items": ref("api.InEffect")},
				"warnings": map[string]any{"type": "array", "items": ref("api.Problem_hubrules.FieldError")},
			}}), bad)
	paths["/v1/schemas/{name}"] = get("schema", "生成的 JSON Schema / a generated JSON Schema",
		[]any{map[string]any{"name": "name", "in": "path", "required": true, "schema": map[string]any{"type": "string", "enum": schemaNames}}},
		map[string]any{"description": "the schema (draft 2020-12)", "content": map[string]any{"application/schema+json": map[string]any{"schema": map[string]any{"type": "object"}}}}, nil)
	paths["/openapi.json"] = get("openapi", "本文档 / this document", nil, jsonOK("OpenAPI 3.1", map[string]any{"type": "object"}), nil)
	paths["/healthz"] = get("healthz", "存活 / liveness", nil, jsonOK("alive", status("ok")), nil)
	paths["/readyz"] = get("readyz", "就绪（停止中为 503）/ readiness (503 while shutting down)", nil, jsonOK("ready", status("ready")), nil)
	paths["/metrics"] = get("metrics", "Prometheus 指标 / Prometheus metrics", nil,
		map[string]any{"description": "Prometheus text format", "content": map[string]any{"text/plain": map[string]any{"schema": map[string]any{"type": "string"}}}}, nil)
	var codes []any
	for _, c := range ProblemCodes() {
		codes = append(codes, c)
	}
	// Every problem code, as an enum of the Problem component.
	if p, ok := comps["api.Problem"].(map[string]any); ok {
		if props, ok := p["properties"].(map[string]any); ok {
			props["code"] = map[string]any{"type": "string", "enum": codes}
		}
	}
	doc := map[string]any{
		"openapi":           "3.1.0",
		"jsonSchemaDialect": "https://json-schema.org/draft/2020-12/schema",
		"info": map[string]any{"title": "hubrules decision service", "version": hubrules.Version,
			"description": "枢纽型党建与社会组织孵化规则的判定服务：与命令行工具和 decide.Decide 同一信封、同一判定。/ Decisions on the rules of hub-type party building and social-organization incubation: the envelope and decisions of the CLI and decide.Decide.",
			"license":     map[string]any{"name": "see LICENSE", "identifier": "Apache-2.0"}},
		"paths":      paths,
		"components": map[string]any{"schemas": comps},
	}
	return json.MarshalIndent(doc, "", "  ")
}

// rewriteRefs returns v with every "$ref": "#/$defs/X" made prefix+X.
func rewriteRefs(v any, prefix string) any {
	switch t := v.(type) {
	case map[string]any:
		for k, x := range t {
			if s, ok := x.(string); ok && k == "$ref" && strings.HasPrefix(s, "#/$defs/") {
				t[k] = prefix + strings.TrimPrefix(s, "#/$defs/")
				continue
			}
			t[k] = rewriteRefs(x, prefix)
		}
	case []any:
		for i, x := range t {
			t[i] = rewriteRefs(x, prefix)
		}
	}
	return v
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
