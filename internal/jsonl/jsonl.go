// Package jsonl is the JSON Lines stream of decisions that the
// command-line tool (hubrules KIND --jsonl) and the HTTP service
// (application/x-ndjson) share: the bounded line reader and the records
// written — a header {"kind", "programme", "as_of", "rule_set"} (the
// 判定种类, 项目, 评估日 and 规则集 every decision of the stream shares),
// then one record a line with "basis" only when it differs from the last
// one written, or {"line": n, "error": …} for a bad line. A compact stream
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
	Kind      string             `json:"kind"`
	Programme hubrules.Programme `json:"programme"`
	AsOf      hubrules.Date      `json:"as_of"`
	RuleSet   hubrules.RuleSet   `json:"rule_set"`
}

// Record is the record of one input line: the envelope without what the
// header holds, and with its basis only when it differs from the last
// basis written (the first record always has one).
type Record struct {
	Line     int                      `json:"line"`
	Outcome  hubrules.DecisionOutcome `json:"outcome"`
	Checks   []hubrules.Check         `json:"checks"`
	Findings []hubrules.Finding       `json:"findings"`
	Basis    json.RawMessage          `json:"basis,omitempty"`
	Result   any                      `json:"result"`
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

// Writer writes the records of one stream, remembering the last basis
// written.
type Writer struct {
	w         io.Writer
	compact   bool
	lastBasis *hubrules.DecisionBasis
	buf       []byte
}

// NewWriter returns a Writer of records (Record) to w.
func NewWriter(w io.Writer) *Writer { return &Writer{w: w} }

// NewCompactWriter returns a Writer of compact records (CompactRecord) to
// w.
func NewCompactWriter(w io.Writer) *Writer { return &Writer{w: w, compact: true} }

// Header writes the header record.
func (w *Writer) Header(h Header) error { return WriteLine(w.w, h) }

// Decision writes the record of decision d of input line n (a
// CompactRecord for a compact Writer): the members of Record, each encoded once into one buffer reused from line to line.
func (w *Writer) Decision(n int, d hubrules.Decision) error {
	if w.compact {
		c := d.Compact()
		return WriteLine(w.w, CompactRecord{Line: n, Outcome: c.Outcome, Failed: c.Failed, Findings: c.Findings})
	}
	b := append(w.buf[:0], `{"line":`...)
	b = strconv.AppendInt(b, int64(n), 10)
	b = append(b, `,"outcome":`...)
	b, err := hubrules.AppendDecisionParts(b, d.Outcome, d.Checks, d.Findings)
	if err != nil {
		return err
	}
	if w.lastBasis == nil || !w.lastBasis.Equal(d.Basis) {
		basis, err := d.Basis.MarshalJSON()
		if err != nil {
			return err
		}
		b = append(append(b, `,"basis":`...), basis...)
		w.lastBasis = &d.Basis
	}
	b = append(b, `,"result":`...)
	if b, err = hubrules.AppendResult(b, d.Result); err != nil {
		return err
	}
	b = append(b, "}\n"...)
	w.buf = b
	_, err = w.w.Write(b)
	return err
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
