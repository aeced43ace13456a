package serve

import (
	"encoding/json"
	"errors"
	"net/http"
	"strings"

	"github.com/hubrules/hubrules"
)

// Problem is an RFC 9457 problem detail (application/problem+json), with
// hubrules' code and, for bad input, the field errors of the
// *hubrules.InputError: each field's path, code and message in Chinese and
// English.
type Problem struct {
	// Type is "urn:hubrules:problem:" and Code.
	Type string `json:"type"`
	// Title is the problem's short name in the request's language.
	Title  string `json:"title"`
	Status int    `json:"status"`
	// Detail is every field's "path: message" in the request's language.
	Detail   string `json:"detail,omitempty"`
	Instance string `json:"instance,omitempty"`
	// Code is one of the keys of problemKinds.
	Code   string                `json:"code"`
	Fields []hubrules.FieldError `json:"fields,omitempty"`
}

// problemKind is one kind of problem: its status and title.
type problemKind struct {
	status int
	title  hubrules.Text
}

// problemKinds are the problems the service answers with, by code.
var problemKinds = map[string]problemKind{
	"invalid_input":          {http.StatusBadRequest, hubrules.T("输入无效", "invalid input")},
	"not_found":              {http.StatusNotFound, hubrules.T("未找到", "not found")},
	"method_not_allowed":     {http.StatusMethodNotAllowed, hubrules.T("不支持该请求方法", "method not allowed")},
	"too_large":              {http.StatusRequestEntityTooLarge, hubrules.T("请求体超过大小上限", "request body too large")},
	"unsupported_media_type": {http.StatusUnsupportedMediaType, hubrules.T("不支持的内容类型", "unsupported media type")},
	"overloaded":             {http.StatusServiceUnavailable, hubrules.T("服务繁忙，请稍后重试", "too many requests in flight; retry later")},
	"not_ready":              {http.StatusServiceUnavailable, hubrules.T("服务正在停止", "the service is shutting down")},
	"internal":               {http.StatusInternalServerError, hubrules.T("内部错误", "internal error")},
}

// ProblemCodes returns the code of every problem, sorted (for the OpenAPI
// document).
func ProblemCodes() []string {
	var out []string
	for c := range problemKinds {
		out = append(out, c)
	}
	sortStrings(out)
	return out
}

// newProblem returns the problem of code for request r in lang, with the
// fields of err when it is an *hubrules.InputError, else detail.
func newProblem(code string, r *http.Request, lang hubrules.Lang, err error, detail hubrules.Text) Problem {
	k := problemKinds[code]
	p := Problem{Type: "urn:hubrules:problem:" + code, Title: k.title.In(lang), Status: k.status, Code: code, Instance: r.URL.Path}
	var ie *hubrules.InputError
	if errors.As(err, &ie) {
		p.Fields = ie.Fields
		p.Detail = strings.Join(ie.Messages(lang), "; ")
	} else {
		p.Detail = detail.In(lang)
	}
	return p
}

// writeProblem writes p as application/problem+json.
func writeProblem(w http.ResponseWriter, p Problem) {
	h := w.Header()
	h.Set("Content-Type", "application/problem+json")
	h.Set("Cache-Control", "no-store")
	w.WriteHeader(p.Status)
	b, _ := json.Marshal(p)
	_, _ = w.Write(append(b, '\n'))
}

// inputProblem is the problem of an *hubrules.InputError: 413 when the
// body was over the size limit, else 400.
func inputProblem(r *http.Request, lang hubrules.Lang, err error) Problem {
	var ie *hubrules.InputError
	if errors.As(err, &ie) && len(ie.Fields) == 1 && ie.Fields[0].Code == "max_bytes" {
		return newProblem("too_large", r, lang, err, hubrules.Text{})
	}
	return newProblem("invalid_input", r, lang, err, hubrules.Text{})
}
