package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hubrules/hubrules/internal/jsonl"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// jsonValue decodes b keeping numbers exact, for comparing JSON values.
func jsonValue(t testing.TB, b []byte) any {
	t.Helper()
	var v any
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	require.NoError(t, dec.Decode(&v), string(b))
	return v
}

// TestJSONLines_EveryRecordRebuildsToTheSingleEnvelope: for every sample
// stream of testdata/*.jsonl (and a fund kind's), each decision record,
// rebuilt from the header and what the stream wrote once (basis, sources,
// citations), is exactly the envelope the same line gives without --jsonl;
// the header and the records are valid by their schemas (jsonl.header,
// jsonl.line).
func TestJSONLines_EveryRecordRebuildsToTheSingleEnvelope(t *testing.T) {
	files, err := filepath.Glob("testdata/*.jsonl")
	require.NoError(t, err)
	args := map[string][][]string{
		"check-sync.jsonl": {{"check", "sync", "--programme", "kaixuan", "--date", "2026-06-30"},
			{"check", "sync", "--programme", "kaixuan", "--date", "2024-12-31"},
			{"check", "sync", "--programme", "jingan", "--date", "2024-12-31"}},
		"grade.jsonl": {{"grade", "--programme", "xiyuan", "--date", "2024-06-01"}},
	}
	streams := map[string]string{}
	for _, f := range files {
		require.Contains(t, args, filepath.Base(f), "a new sample stream needs its command here")
		streams[filepath.Base(f)] = string(must(os.ReadFile(f)))
	}
	streams["fund-fee"] = `{"project":"a","total":"286000.00"}` + "\n\n" + `{"project":"b","total":"1000.00"}` + "\n"
	args["fund-fee"] = [][]string{{"fund", "fee", "--programme", "lujiazui", "--date", "2018-12-31"}}
	for name, in := range streams {
		for _, a := range args[name] {
			rebuilt := rebuildStream(t, in, a)
			lines := strings.Split(in, "\n")
			for n, env := range rebuilt {
				_, single, _ := runCLI(t, lines[n-1], a...)
				assert.Equal(t, jsonValue(t, []byte(single)), env, "%s %v line %d", name, a, n)
			}
			assert.NotEmpty(t, rebuilt, "%s %v has decisions", name, a)
		}
	}
}

// rebuildStream runs the command with --jsonl over in and returns the
// envelope rebuilt from each decision record, by its line.
func rebuildStream(t *testing.T, in string, args []string) map[int]any {
	t.Helper()
	_, out, errOut := runCLI(t, in, append(append([]string(nil), args...), "--jsonl")...)
	headSchema, lineSchema := compileSchema(t, headerName, schemas()[headerName]), compileSchema(t, lineName, schemas()[lineName])
	var r jsonl.Rebuilder
	envs := map[int]any{}
	for i, line := range strings.Split(strings.TrimSpace(out), "\n") {
		env, err := r.Line([]byte(line))
		require.NoError(t, err, errOut)
		if i == 0 {
			require.Nil(t, env, "the header")
			require.NoError(t, validateJSON(t, headSchema, []byte(line)), line)
			continue
		}
		var rec struct {
			Line int `json:"line"`
		}
		require.NoError(t, json.Unmarshal([]byte(line), &rec))
		if env != nil {
			require.NoError(t, validateJSON(t, lineSchema, []byte(line)), line)
			b, err := json.Marshal(env)
			require.NoError(t, err)
			envs[rec.Line] = jsonValue(t, b)
		}
	}
	return envs
}

// TestJSONLines_SourcesAndCitationsOncePerStream: the links' sources and
// the findings' citations are written, by rule ID, in the first record
// that needs them and in no later one; records hold neither.
func TestJSONLines_SourcesAndCitationsOncePerStream(t *testing.T) {
	good := syncLines(t)
	_, out, _ := runCLI(t, good[0]+"\n"+good[1]+"\n"+good[0]+"\n", "check", "sync", "--jsonl", "--programme", "kaixuan", "--date", "2026-06-30")
	recs := jsonlRecords(t, out, "check sync")
	require.Len(t, recs, 3)
	type record struct {
		Sources   map[string]json.RawMessage `json:"sources"`
		Citations map[string]json.RawMessage `json:"citations"`
		Findings  []map[string]any           `json:"findings"`
		Result    struct {
			Links []map[string]any `json:"links"`
		} `json:"result"`
	}
	var got [3]record
	for i, r := range recs {
		require.NoError(t, json.Unmarshal([]byte(r), &got[i]))
		for _, l := range got[i].Result.Links {
			assert.NotContains(t, l, "source", "record %d", i+1)
		}
		for _, f := range got[i].Findings {
			assert.NotContains(t, f, "citation", "record %d", i+1)
		}
	}
	assert.ElementsMatch(t, []string{"SYNC-1", "SYNC-2", "SYNC-3", "SYNC-4", "SYNC-5", "SYNC-6"}, keys(got[0].Sources), "the first record has every link's source")
	assert.Contains(t, got[0].Citations, "SYNC-4")
	assert.Empty(t, got[1].Sources, "sources are not repeated")
	assert.Contains(t, got[1].Citations, "SYNC-1", "a citation first needed in the second record")
	assert.NotContains(t, got[1].Citations, "SYNC-4", "nor citations")
	assert.Empty(t, got[2].Sources)
	assert.Empty(t, got[2].Citations)
	assert.NotContains(t, recs[2], `"title"`)
}

func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}
