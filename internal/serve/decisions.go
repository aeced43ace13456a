package serve

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/url"
	"time"

	"github.com/hubrules/hubrules"
	"github.com/hubrules/hubrules/internal/jsonl"
	"github.com/hubrules/hubrules/internal/kinds"
)

// The content types of a decision's body.
const (
	contentJSON   = "application/json"
	contentNDJSON = "application/x-ndjson"
)

// query returns the values of r's query parameters named in allowed, each
// given at most once; an unknown or repeated parameter is an
// *hubrules.InputError naming it. Required parameters missing are
// errors too.
func query(r *http.Request, required []string, optional ...string) (map[string]string, error) {
	var p hubrules.Problems
	q, err := url.ParseQuery(r.URL.RawQuery)
	if err != nil {
		p.Add("query", "syntax", "", hubrules.T("查询字符串无法解析", "the query string cannot be parsed"))
	}
	known := map[string]bool{}
	for _, n := range append(append([]string(nil), required...), optional...) {
		known[n] = true
	}
	out := map[string]string{}
	for name, vals := range q {
		switch {
		case !known[name]:
			p.Add(name, "unknown_field", "", hubrules.T("未知的查询参数 "+name, "unknown query parameter "+name))
		case len(vals) > 1:
			p.Add(name, "duplicate", "", hubrules.T("查询参数 "+name+" 重复", "query parameter "+name+" is repeated"))
		default:
			out[name] = vals[0]
		}
	}
	for _, n := range required {
		if _, ok := q[n]; !ok {
			p.Add(n, "required", "", requiredText[n])
		}
	}
	return out, p.Err()
}

// requiredText says why each required query parameter is needed.
var requiredText = map[string]hubrules.Text{
	"programme": hubrules.T("缺少查询参数 programme：决定须指明项目（"+programmeCodes("、")+"）",
		"the query parameter programme is missing: a decision needs its programme ("+programmeCodes(", ")+")"),
	"date": hubrules.T("缺少查询参数 date：决定须指明评估日期 YYYY-MM-DD（或写 today 取系统时钟）",
		"the query parameter date is missing: a decision needs its date YYYY-MM-DD (or today for the clock's date)"),
}

func programmeCodes(sep string) string {
	s := ""
	for i, p := range hubrules.Programmes() {
		if i > 0 {
			s += sep
		}
		s += string(p)
	}
	return s
}

// envOf returns the evaluation environment of r's ?programme=&date=
// (date=today reads the clock, and the envelope says so).
func (s *Server) envOf(r *http.Request) (kinds.Env, error) {
	env, _, err := s.envView(r, false)
	return env, err
}

// The views of a decision (?view=): the full envelope, or the compact
// decision (hubrules.CompactDecision; jsonl.CompactRecord a line).
const (
	viewFull    = "full"
	viewCompact = "compact"
)

// envView returns the evaluation environment of r's ?programme=&date=
// and, when withView, whether ?view=compact asks for the compact form.
func (s *Server) envView(r *http.Request, withView bool) (kinds.Env, bool, error) {
	var optional []string
	if withView {
		optional = []string{"view"}
	}
	q, err := query(r, []string{"programme", "date"}, optional...)
	var p hubrules.Problems
	p.Merge("", err)
	compact := false
	if v, ok := q["view"]; ok {
		switch v {
		case viewFull:
		case viewCompact:
			compact = true
		default:
			p.Add("view", "enum", v, hubrules.T("view 应为 full（完整判定，缺省）或 compact（紧凑判定）："+v,
				"view must be full (the whole envelope, the default) or compact (the compact decision): "+v))
		}
	}
	env := kinds.Env{DateSource: hubrules.DateFromCaller}
	if v, ok := q["programme"]; ok {
		prog, err := hubrules.ParseProgramme("programme", v)
		p.Merge("", err)
		env.Programme = prog
	}
	if v, ok := q["date"]; ok {
		if v == "today" {
			env.Date, env.DateSource = hubrules.DateOf(s.cfg.Clock()), hubrules.DateFromClock
		} else if d, err := hubrules.ParseDate(v); err != nil {
			p.Add("date", "date", v, hubrules.T("日期应写作 YYYY-MM-DD（或 today）："+v, "the date must be YYYY-MM-DD (or today): "+v))
		} else {
			env.Date = d
		}
	}
	return env, compact, p.Err()
}

// decision answers POST /v1/decisions/{kind}: one JSON input, or with
// application/x-ndjson one input a line, answered record by record.
func (s *Server) decision(w http.ResponseWriter, r *http.Request) {
	k, err := kinds.Find(r.PathValue("kind"))
	if err != nil {
		s.problem(w, r, "not_found", err, hubrules.Text{})
		return
	}
	env, compact, err := s.envView(r, true)
	if err != nil {
		s.writeProblem(w, r, inputProblem(r, langOf(r), err))
		return
	}
	ct, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	switch ct {
	case contentJSON:
		s.single(w, r, k, env, compact)
	case contentNDJSON:
		s.stream(w, r, k, env, compact)
	default:
		got := r.Header.Get("Content-Type")
		s.problem(w, r, "unsupported_media_type", hubrules.NewInputError(hubrules.FieldError{Path: "Content-Type", Code: "media_type", Value: got,
			Message: hubrules.T("请求体的内容类型应为 application/json（一个输入）或 application/x-ndjson（每行一个输入），实际为 "+quoteOrNone(got, "（无）"),
				"the body's content type must be application/json (one input) or application/x-ndjson (one input a line), not "+quoteOrNone(got, "(none)"))}), hubrules.Text{})
	}
}

// quoteOrNone is s quoted, or none when s is empty.
func quoteOrNone(s, none string) string {
	if s == "" {
		return none
	}
	return fmt.Sprintf("%q", s)
}

// maxBytesError is the error of a body over the size limit, as the CLI
// words it.
func maxBytesError(limit int) error {
	return hubrules.NewInputError(hubrules.FieldError{Code: "max_bytes", Param: fmt.Sprint(limit),
		Message: hubrules.T(fmt.Sprintf("输入超过大小上限 %d 字节", limit), fmt.Sprintf("input exceeds the size limit of %d bytes", limit))})
}

// readBody reads r's whole body within limit bytes.
func readBody(r *http.Request, limit int) ([]byte, error) {
	if r.ContentLength > int64(limit) {
		return nil, maxBytesError(limit)
	}
	if n := r.ContentLength; n > 0 {
		// The length is known and within the limit (net/http reads no
		// more than it): one buffer of that size, not ReadAll's growing.
		data := make([]byte, n)
		if _, err := io.ReadFull(r.Body, data); err != nil {
			return nil, readError(err)
		}
		return data, nil
	}
	data, err := io.ReadAll(io.LimitReader(r.Body, int64(limit)+1))
	if err != nil {
		return nil, readError(err)
	}
	if len(data) > limit {
		return nil, maxBytesError(limit)
	}
	return data, nil
}

// readError is a body that could not be read (cut short, too slow).
func readError(err error) error {
	return hubrules.NewInputError(hubrules.FieldError{Code: "read",
		Message: hubrules.T("无法读取请求体（连接中断或超时）", "cannot read the request body (connection cut or timed out)")})
}

// evaluate decodes one input of kind k within the limits and decides it.
func (s *Server) evaluate(k kinds.Kind, env kinds.Env, data []byte) (hubrules.Decision, any, error) {
	in := k.Input()
	if err := hubrules.DecodeJSONLimited(data, in, s.limits); err != nil {
		return hubrules.Decision{}, nil, err
	}
	start := time.Now()
	o, err := k.Eval(env, in)
	if err != nil {
		return hubrules.Decision{}, nil, err
	}
	d := k.Decision(env, o)
	s.metrics.observe(k.Name, d.Outcome, time.Since(start))
	return d, in, nil
}

func (s *Server) single(w http.ResponseWriter, r *http.Request, k kinds.Kind, env kinds.Env, compact bool) {
	data, err := readBody(r, s.limits.MaxBytes)
	var d hubrules.Decision
	var in any
	if err == nil {
		d, in, err = s.evaluate(k, env, data)
	}
	var ie *hubrules.InputError
	switch {
	case errors.As(err, &ie):
		s.writeProblem(w, r, inputProblem(r, langOf(r), err))
		return
	case err != nil:
		panic(err) // a bug: recovered by wrap as a 500, and logged
	}
	// The envelope's own MarshalJSON, not an Encoder around it: the same
	// bytes (json.Marshal's output is compact) without encoding/json
	// re-scanning the whole envelope once more.
	var b []byte
	if compact {
		b = d.Compact().AppendJSON(make([]byte, 0, 1024))
	} else {
		b, err = d.MarshalJSON()
	}
	if err != nil {
		panic(err)
	}
	b = append(b, '\n')
	s.logDecision(d, in, 0)
	w.Header().Set("Content-Type", contentJSON)
	w.Header().Set("Hubrules-Outcome", string(d.Outcome))
	_, _ = w.Write(b)
}

// errorBody is the "error" of a stream's error record, as the CLI's:
// {"code": "invalid_input", "fields": …}.
func errorBody(err error) map[string]any {
	var ie *hubrules.InputError
	if errors.As(err, &ie) {
		return map[string]any{"code": "invalid_input", "fields": ie.Fields}
	}
	return map[string]any{"code": "internal", "message": hubrules.T("内部错误", "internal error")}
}

// stream answers an application/x-ndjson body as the CLI's --jsonl does:
// a header record, then one record per input line, a bad or over-long
// line answered in-line with its number. Records are sent as they are
// made: the output is flushed whenever the input has nothing more
// buffered. A body with no line but blank ones is bad input (400).
func (s *Server) stream(w http.ResponseWriter, r *http.Request, k kinds.Kind, env kinds.Env, compact bool) {
	rc := http.NewResponseController(w)
	_ = rc.EnableFullDuplex()
	br := bufio.NewReaderSize(r.Body, 64<<10)
	lr := jsonl.NewReader(br, s.cfg.MaxLine)
	bw := bufio.NewWriterSize(w, 32<<10)
	lw := jsonl.NewWriter(bw)
	if compact {
		lw = jsonl.NewCompactWriter(bw)
	}
	inputs := 0
	flush := func() {
		if bw.Buffered() > 0 {
			_ = bw.Flush()
			_ = rc.Flush()
		}
	}
	for {
		if br.Buffered() == 0 {
			flush()
		}
		n, line, lineErr, err := lr.Input()
		if err == io.EOF {
			break
		}
		if err != nil {
			if inputs == 0 {
				s.writeProblem(w, r, inputProblem(r, langOf(r), readError(err)))
				return
			}
			_ = lw.Error(n+1, errorBody(readError(err)))
			break
		}
		inputs++
		if inputs == 1 {
			w.Header().Set("Content-Type", contentNDJSON)
			if err := lw.Header(jsonl.Header{Kind: k.Name, Programme: env.Programme, AsOf: env.Date, RuleSet: k.RuleSet(env)}); err != nil {
				return
			}
		}
		var d hubrules.Decision
		var in any
		err = lineErr
		if err == nil {
			d, in, err = s.evaluate(k, env, line)
		}
		if err != nil {
			s.metrics.rejected.WithLabelValues("invalid_line").Inc()
			if !isInputError(err) {
				s.cfg.ErrorLog.Printf("%s line %d: internal error: %v", r.URL.Path, n, err)
			}
			if lw.Error(n, errorBody(err)) != nil {
				return
			}
			continue
		}
		s.logDecision(d, in, n)
		if lw.Decision(n, d) != nil {
			return
		}
	}
	if inputs == 0 {
		s.writeProblem(w, r, inputProblem(r, langOf(r), jsonl.ErrEmpty()))
		return
	}
	flush()
}

func isInputError(err error) bool {
	var ie *hubrules.InputError
	return errors.As(err, &ie)
}
