// Package jsonl is the JSON Lines stream of decisions that the
// command-line tool (hubrules KIND --jsonl) and the HTTP service
// (application/x-ndjson) share: the bounded line reader and the records
// written — a header {"kind", "programme", "as_of", "rule_set"} (the
// 判定种类, 项目, 评估日 and 规则集 every decision of the stream shares),
// then one record a line with what repeats from decision to decision
// written once per stream — "basis" only when it differs from the last one
// written, the rules' sources (依据出处, "sources") and the findings'
// citations (出处, "citations") by rule ID only in the first record that
// needs one — or {"line": n, "error": …} for a bad line. Rebuilder gives
// a record's full envelope back. A compact stream
// (紧凑输出: --compact, ?view=compact) has the same header and error
// records, and a CompactRecord {"line", "outcome", "failed", "findings"}
// a decision.
package jsonl

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"

	"github.com/hubrules/hubrules"
	"github.com/hubrules/hubrules/internal/jsonw"
)

// Reader reads lines of at most Max bytes (without the newline) while
// holding no more than Max bytes: the rest of a longer line is read and
// dropped.
type Reader struct {
	r   *bufio.Reader
	max int
	buf []byte
	n   int // lines read
}

// NewReader returns a Reader of r's lines of at most max bytes.
func NewReader(r *bufio.Reader, max int) *Reader { return &Reader{r: r, max: max} }

// Next returns the next line without its newline, or tooLong for a line
// over the limit. It returns io.EOF after the last line; a last line
// without a newline is a line. The line is valid until the next call.
func (l *Reader) Next() (line []byte, tooLong bool, err error) {
	l.buf = l.buf[:0]
	read := 0
	for {
		chunk, err := l.r.ReadSlice('\n')
		read += len(chunk)
		content := bytes.TrimSuffix(chunk, []byte{'\n'})
		if !tooLong && len(l.buf)+len(content) > l.max {
			tooLong, l.buf = true, l.buf[:0]
		}
		if !tooLong {
			l.buf = append(l.buf, content...)
		}
		switch {
		case err == nil:
			return l.buf, tooLong, nil
		case errors.Is(err, bufio.ErrBufferFull):
			continue
		case err == io.EOF && read > 0:
			return l.buf, tooLong, nil
		}
		return nil, false, err
	}
}

// Input returns the next line that is not blank, trimmed, with its
// number (from 1, blank lines counted); a line over the limit gives
// lineErr, an *hubrules.InputError of code max_line naming the line. It
// returns io.EOF after the last line.
func (l *Reader) Input() (n int, line []byte, lineErr error, err error) {
	for {
		raw, tooLong, err := l.Next()
		if err != nil {
			return l.n, nil, nil, err
		}
		l.n++
		if tooLong {
			return l.n, nil, hubrules.NewInputError(hubrules.FieldError{Code: "max_line", Param: strconv.Itoa(l.max),
				Message: hubrules.T(fmt.Sprintf("第 %d 行超过长度上限 %d 字节", l.n, l.max), fmt.Sprintf("line %d exceeds the length limit of %d bytes", l.n, l.max))}), nil
		}
		if line := bytes.TrimSpace(raw); len(line) > 0 {
			return l.n, line, nil, nil
		}
	}
}

// ErrEmpty is the error of a stream with no line but blank ones.
func ErrEmpty() error {
	return hubrules.NewInputError(hubrules.FieldError{Code: "empty",
		Message: hubrules.T("输入为空：JSON Lines 中没有任何输入行", "the input is empty: the JSON Lines hold no input line")})
}

// Header is the first record of a stream: what every decision of the
// stream shares.
type Header struct {
	Kind      string             `json:"kind" doc:"判定种类 / the kind of decision (check sync, grade, …)"`
	Programme hubrules.Programme `json:"programme" doc:"项目 / the programme of every decision of the stream"`
	AsOf      hubrules.Date      `json:"as_of" doc:"评估日 / the date of every decision of the stream"`
	RuleSet   hubrules.RuleSet   `json:"rule_set" doc:"规则集 / the library version and parameter digests of every decision of the stream"`
}

// Record is the record of one input line: the envelope without what the
// header holds, and without what is the same from decision to decision
// and written once per stream instead — its basis, written only when it
// differs from the last basis written (the first record always has one),
// and its rules' sources and citations, by rule ID, each written in the
// first record that needs it (again only if it changed). A consumer keeps
// the last basis, sources and citations of the stream and rebuilds a
// record's envelope from them (Rebuilder).
type Record struct {
	Line    int                      `json:"line" doc:"输入行号（从 1 起，空行计数）/ the input line (from 1, blank lines counted)"`
	Outcome hubrules.DecisionOutcome `json:"outcome"`
	Checks  []hubrules.Check         `json:"checks"`
	// Findings are the findings without "citation": a finding's citation
	// is Citations[finding.rule] of this or an earlier record.
	Findings []hubrules.Finding `json:"findings" doc:"发现，不含 citation：出处见本记录或此前记录的 citations[rule] / the findings without their citation: it is citations[rule] of this or an earlier record"`
	Basis    json.RawMessage    `json:"basis,omitempty" doc:"依据；缺省：与上次写出的相同 / the basis; absent: the same as the last one written"`
	// Sources are the rules' structured sources (依据出处) first needed by
	// this record, or changed: an object of the result that names a rule
	// (check sync's result.links[i]) has "source" in the envelope and not
	// in the record; it is Sources[rule] of this or an earlier record.
	Sources map[string]hubrules.Source `json:"sources,omitempty" doc:"按规则编号首次需要（或已改变）的依据出处；结果中指明规则的对象（check sync 的 result.links[i]）不含 source，即 sources[rule]。缺省：没有新的 / by rule ID, the sources first needed here (or changed): an object of the result naming a rule (check sync's result.links[i]) has no source; it is sources[rule] of this or an earlier record. Absent: none new"`
	// Citations are the rules' short citations (出处) of the findings
	// first needed by this record, or changed.
	Citations map[string]hubrules.Text `json:"citations,omitempty" doc:"按规则编号首次需要（或已改变）的发现出处；缺省：没有新的 / by rule ID, the findings' citations first needed here (or changed). Absent: none new"`
	Result    any                      `json:"result" doc:"该种类的结果，如 NAME.output 的 result，但不含 sources 所列的 source / the kind's result as in NAME.output, without the sources that sources holds"`
}

// CompactRecord is the record of one input line in a compact stream
// (the CLI's --compact, hubrules serve's ?view=compact): the line, the
// outcome, the failed rule IDs and the findings without their texts, as
// in hubrules.CompactDecision; the header holds the rest.
type CompactRecord struct {
	Line     int                       `json:"line"`
	Outcome  hubrules.DecisionOutcome  `json:"outcome"`
	Failed   []string                  `json:"failed"`
	Findings []hubrules.CompactFinding `json:"findings"`
}

// Writer writes the records of one stream, remembering what it wrote
// once for the stream: the last basis, and each rule's source and
// citation.
type Writer struct {
	w         io.Writer
	compact   bool
	basis     once[hubrules.DecisionBasis]
	sources   once[hubrules.Source]
	citations once[hubrules.Text]
	buf, res  []byte
	newRules  []string // rules whose source the current record writes
	source    func(rule string, s hubrules.Source)
}

// once remembers, per key, the value a stream last wrote, so that a record
// carries a value only when it differs from the one written before (the
// basis under the key "", sources and citations under their rule IDs).
// Its keys are the library's rule IDs: it stays small.
type once[V any] struct {
	last  map[string]V
	equal func(a, b V) bool
}

// changed reports whether v differs from the value last written under
// key (or none was), and remembers v as written.
func (o *once[V]) changed(key string, v V) bool {
	if last, ok := o.last[key]; ok && o.equal(last, v) {
		return false
	}
	if o.last == nil {
		o.last = map[string]V{}
	}
	o.last[key] = v
	return true
}

func same[V comparable](a, b V) bool { return a == b }

// NewWriter returns a Writer of records (Record) to w.
func NewWriter(w io.Writer) *Writer {
	lw := &Writer{w: w}
	lw.basis.equal = hubrules.DecisionBasis.Equal
	lw.sources.equal, lw.citations.equal = same[hubrules.Source], same[hubrules.Text]
	lw.source = func(rule string, s hubrules.Source) {
		if lw.sources.changed(rule, s) {
			lw.newRules = append(lw.newRules, rule)
		}
	}
	return lw
}

// NewCompactWriter returns a Writer of compact records (CompactRecord) to
// w.
func NewCompactWriter(w io.Writer) *Writer { return &Writer{w: w, compact: true} }

// Header writes the header record.
func (w *Writer) Header(h Header) error { return WriteLine(w.w, h) }

// Decision writes the record of decision d of input line n (a
// CompactRecord for a compact Writer): the members of Record, each encoded
// once into buffers reused from line to line. An error leaves the stream
// without the record (and what it would have written once): write no
// more records to it.
func (w *Writer) Decision(n int, d hubrules.Decision) error {
	if w.compact {
		// CompactRecord's JSON, appended member by member.
		c := d.Compact()
		b := append(w.buf[:0], `{"line":`...)
		b = strconv.AppendInt(b, int64(n), 10)
		b = append(b, `,"outcome":`...)
		b = jsonw.String(b, string(c.Outcome))
		b = append(b, `,"failed":`...)
		b = jsonw.Strings(b, c.Failed)
		b = append(b, `,"findings":`...)
		b = hubrules.AppendCompactFindings(b, c.Findings)
		b = append(b, '}', '\n')
		w.buf = b
		_, err := w.w.Write(b)
		return err
	}
	w.newRules = w.newRules[:0]
	res, err := hubrules.AppendResultUnsourced(w.res[:0], d.Result, w.source)
	if err != nil {
		return err
	}
	w.res = res
	b := append(w.buf[:0], `{"line":`...)
	b = strconv.AppendInt(b, int64(n), 10)
	b = append(b, `,"outcome":`...)
	if b, err = hubrules.AppendDecisionPartsUncited(b, d.Outcome, d.Checks, d.Findings); err != nil {
		return err
	}
	if w.basis.changed("", d.Basis) {
		basis, err := d.Basis.MarshalJSON()
		if err != nil {
			return err
		}
		b = append(append(b, `,"basis":`...), basis...)
	}
	if b, err = appendByRule(b, "sources", w.newRules, func(rule string) any { return w.sources.last[rule] }); err != nil {
		return err
	}
	cited := w.newRules[:0] // the sources are written: reuse the slice
	for _, f := range d.Findings {
		if c := f.Citation(); !c.IsZero() && w.citations.changed(f.Rule, c) {
			cited = append(cited, f.Rule)
		}
	}
	if b, err = appendByRule(b, "citations", cited, func(rule string) any { return w.citations.last[rule] }); err != nil {
		return err
	}
	b = append(append(b, `,"result":`...), w.res...)
	b = append(b, "}\n"...)
	w.buf = b
	_, err = w.w.Write(b)
	return err
}

// appendByRule appends ,"name":{"RULE":value,…} for rules (nothing when
// there is none).
func appendByRule(b []byte, name string, rules []string, value func(rule string) any) ([]byte, error) {
	if len(rules) == 0 {
		return b, nil
	}
	b = append(append(append(b, `,"`...), name...), `":{`...)
	for i, rule := range rules {
		if i > 0 {
			b = append(b, ',')
		}
		kb, err := json.Marshal(rule)
		if err != nil {
			return nil, err
		}
		vb, err := json.Marshal(value(rule))
		if err != nil {
			return nil, err
		}
		b = append(append(append(b, kb...), ':'), vb...)
	}
	return append(b, '}'), nil
}

// Error writes the error record {"line": n, "error": body} of line n.
func (w *Writer) Error(n int, body any) error {
	return WriteLine(w.w, map[string]any{"line": n, "error": body})
}

// WriteLine writes v as one line of JSON.
func WriteLine(w io.Writer, v any) error {
	b, err := json.Marshal(v)
	if err != nil {
		return err
	}
	b = append(b, '\n')
	_, err = w.Write(b)
	return err
}

// Rebuilder rebuilds, from the records of one stream read in order, the
// envelope (hubrules.Decision's JSON) of each decision: the header's kind,
// programme, as_of and rule_set, the record's outcome, checks and findings
// with each finding's citation (Record.Citations), the last basis written,
// and the result with each rule's source put back (Record.Sources) into
// the objects that name the rule and have none. It is what a consumer of a
// stream does to get the single document of a line; the zero Rebuilder is
// ready to read a stream.
type Rebuilder struct {
	header    map[string]any
	basis     any
	sources   map[string]any
	citations map[string]any
}

// Line reads the next line of the stream (the header first) and returns
// the envelope of a decision record, or nil for the header and for an
// error record. A line that is not a JSON object, or a record before the
// header, is an error.
func (r *Rebuilder) Line(line []byte) (map[string]any, error) {
	var rec map[string]any
	dec := json.NewDecoder(bytes.NewReader(line))
	dec.UseNumber()
	if err := dec.Decode(&rec); err != nil {
		return nil, err
	}
	if r.header == nil {
		if _, ok := rec["kind"]; !ok {
			return nil, errors.New("jsonl: the stream does not start with a header")
		}
		r.header = rec
		return nil, nil
	}
	if _, ok := rec["error"]; ok {
		return nil, nil
	}
	if b, ok := rec["basis"]; ok {
		r.basis = b
	}
	r.sources = merge(r.sources, rec["sources"])
	r.citations = merge(r.citations, rec["citations"])
	env := map[string]any{"outcome": rec["outcome"], "checks": rec["checks"], "basis": r.basis}
	for _, k := range []string{"kind", "programme", "as_of", "rule_set"} {
		env[k] = r.header[k]
	}
	findings, _ := rec["findings"].([]any)
	for _, f := range findings {
		if f, ok := f.(map[string]any); ok {
			if c, ok := r.citations[ruleOf(f)]; ok {
				f["citation"] = c
			}
		}
	}
	env["findings"] = findings
	env["result"] = r.sourced(rec["result"])
	return env, nil
}

// sourced returns v with the source of its rule in every object that names
// a rule of the stream's sources and has no source.
func (r *Rebuilder) sourced(v any) any {
	switch v := v.(type) {
	case map[string]any:
		for k, m := range v {
			v[k] = r.sourced(m)
		}
		if _, has := v["source"]; !has {
			if s, ok := r.sources[ruleOf(v)]; ok {
				v["source"] = s
			}
		}
	case []any:
		for i, m := range v {
			v[i] = r.sourced(m)
		}
	}
	return v
}

// ruleOf returns the member "rule" of object o ("" when it has none).
func ruleOf(o map[string]any) string {
	s, _ := o["rule"].(string)
	return s
}

// merge returns into with the members of the object v (a record's sources
// or citations) set.
func merge(into map[string]any, v any) map[string]any {
	m, _ := v.(map[string]any)
	for k, x := range m {
		if into == nil {
			into = map[string]any{}
		}
		into[k] = x
	}
	return into
}
