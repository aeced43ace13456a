package jsonl

import (
	"bufio"
	"bytes"
	"errors"
	"io"
	"strings"
	"testing"

	"github.com/hubrules/hubrules"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestReader_NumbersInputsSkipsBlanksAndBoundsLines: blank lines are
// counted but not returned, a line over the limit is an error naming it
// without being held, a last line without a newline is a line.
func TestReader_NumbersInputsSkipsBlanksAndBoundsLines(t *testing.T) {
	in := "{\"a\":1}\n\n  \r\n" + strings.Repeat("x", 100) + "\n {\"b\":2} \n{\"c\":3}"
	r := NewReader(bufio.NewReaderSize(strings.NewReader(in), 16), 20)
	type got struct {
		n    int
		line string
		code string
	}
	var all []got
	for {
		n, line, lineErr, err := r.Input()
		if err == io.EOF {
			break
		}
		require.NoError(t, err)
		g := got{n: n, line: string(line)}
		var ie *hubrules.InputError
		if errors.As(lineErr, &ie) {
			g.code = ie.Fields[0].Code
			assert.Contains(t, ie.Fields[0].Message.ZH, "第 4 行")
		}
		all = append(all, g)
	}
	assert.Equal(t, []got{{1, `{"a":1}`, ""}, {4, "", "max_line"}, {5, `{"b":2}`, ""}, {6, `{"c":3}`, ""}}, all)
	assert.LessOrEqual(t, cap(r.buf), 64, "the long line was not held")
}

// TestWriter_BasisOnlyWhenItChanges: the first record has the basis, the
// next with the same basis not, one with another basis again.
func TestWriter_BasisOnlyWhenItChanges(t *testing.T) {
	var b bytes.Buffer
	w := NewWriter(&b)
	d := hubrules.Decision{Outcome: "compliant", Basis: hubrules.DecisionBasis{Effective: hubrules.MustParseDate("2024-01-01")}}
	require.NoError(t, w.Decision(1, d))
	require.NoError(t, w.Decision(2, d))
	d.Basis.Effective = hubrules.MustParseDate("2025-01-01")
	require.NoError(t, w.Decision(3, d))
	require.NoError(t, w.Error(4, map[string]any{"code": "invalid_input"}))
	lines := strings.Split(strings.TrimSpace(b.String()), "\n")
	require.Len(t, lines, 4)
	assert.Contains(t, lines[0], `"basis":`)
	assert.NotContains(t, lines[1], `"basis":`)
	assert.Contains(t, lines[2], `"2025-01-01"`)
	assert.Contains(t, lines[1], `"checks":[]`)
	assert.Contains(t, lines[1], `"findings":[]`)
	assert.Equal(t, `{"error":{"code":"invalid_input"},"line":4}`, lines[3])
}

// sourced is a result naming rule "R-1" with the source its title gives.
type sourced struct{ title string }

func (s sourced) AppendUnsourced(b []byte, source func(string, hubrules.Source)) ([]byte, error) {
	source("R-1", hubrules.Source{Title: hubrules.T(s.title, s.title)})
	return append(b, `{"links":[{"rule":"R-1"}]}`...), nil
}

// TestWriter_SourcesOnceAndAgainWhenChanged: a rule's source is written in
// the first record naming it, not in the next with the same source, and
// again when it differs; the Rebuilder puts it back in every record.
func TestWriter_SourcesOnceAndAgainWhenChanged(t *testing.T) {
	var b bytes.Buffer
	w := NewWriter(&b)
	require.NoError(t, w.Header(Header{Kind: "k"}))
	for i, title := range []string{"a", "a", "b"} {
		require.NoError(t, w.Decision(i+1, hubrules.Decision{Outcome: "compliant", Result: sourced{title}}))
	}
	lines := strings.Split(strings.TrimSpace(b.String()), "\n")
	require.Len(t, lines, 4)
	assert.Contains(t, lines[1], `"sources":{"R-1":{"title":{"zh":"a","en":"a"}}}`)
	assert.NotContains(t, lines[2], `"sources"`)
	assert.Contains(t, lines[3], `"sources":{"R-1":{"title":{"zh":"b","en":"b"}}}`)
	var r Rebuilder
	for i, line := range lines {
		env, err := r.Line([]byte(line))
		require.NoError(t, err)
		if i == 0 {
			assert.Nil(t, env)
			continue
		}
		link := env["result"].(map[string]any)["links"].([]any)[0].(map[string]any)
		want := map[string]any{"zh": "a", "en": "a"}
		if i == 3 {
			want = map[string]any{"zh": "b", "en": "b"}
		}
		assert.Equal(t, want, link["source"].(map[string]any)["title"], "record %d", i)
	}
	_, err := (&Rebuilder{}).Line([]byte(`{"line":1}`))
	assert.Error(t, err, "a record before the header")
}

// TestCompactRecordAsMarshal: the compact record the Writer appends by
// hand is the JSON of CompactRecord (the type its schema is made from).
func TestCompactRecordAsMarshal(t *testing.T) {
	fs := []hubrules.Finding{
		{Rule: "SYNC-4", Severity: hubrules.Violation, Subject: "a-1 <&>", Facts: []hubrules.Fact{{Name: "report_year", Value: "2024"}}},
		{Rule: "SYNC-1", Severity: hubrules.Violation},
	}
	for _, d := range []hubrules.Decision{{Outcome: hubrules.OutcomeCompliant}, {Outcome: hubrules.OutcomeFindings, Findings: fs}} {
		var buf bytes.Buffer
		require.NoError(t, NewCompactWriter(&buf).Decision(7, d))
		c := d.Compact()
		var want bytes.Buffer
		require.NoError(t, WriteLine(&want, CompactRecord{Line: 7, Outcome: c.Outcome, Failed: c.Failed, Findings: c.Findings}))
		assert.Equal(t, want.String(), buf.String())
	}
}
