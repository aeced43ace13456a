package bench_test

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"testing"

	"github.com/hubrules/hubrules"
	"github.com/hubrules/hubrules/bench"
	"github.com/hubrules/hubrules/decide"
	"github.com/hubrules/hubrules/internal/jsonl"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestCLI_JSONLinesRecordsRebuildToTheEnvelope: the CLI's check sync
// --jsonl over the 1,000 organizations of the register, each record
// rebuilt from the header and what the stream wrote once (basis, sources,
// citations, jsonl.Rebuilder), is exactly the envelope decide.Decide gives
// for the same line.
func TestCLI_JSONLinesRecordsRebuildToTheEnvelope(t *testing.T) {
	bin, input := cliFixture(t)
	lines := bytes.SplitN(must(os.ReadFile(input)), []byte("\n"), nOrgs+1)[:nOrgs]
	cmd := exec.Command(bin, "check", "sync", "--jsonl", "--programme", "kaixuan", "--date", bench.AsOf.String())
	cmd.Stdin = bytes.NewReader(append(bytes.Join(lines, []byte("\n")), '\n'))
	out, err := cmd.Output()
	if ee, ok := err.(*exec.ExitError); !ok || ee.ExitCode() != 1 { // 1: findings
		require.NoError(t, err)
	}
	recs := bytes.Split(bytes.TrimSpace(out), []byte("\n"))
	require.Len(t, recs, nOrgs+1, "a header and a record a line")
	var r jsonl.Rebuilder
	for i, rec := range recs {
		env, err := r.Line(rec)
		require.NoError(t, err)
		if i == 0 {
			continue
		}
		require.NotNil(t, env, "record %d is a decision", i)
		d, err := decide.Decide(decide.Request{Kind: "check sync", Programme: hubrules.Kaixuan, Date: bench.AsOf, Input: lines[i-1]})
		require.NoError(t, err)
		want, got := jsonValue(t, must(json.Marshal(d))), jsonValue(t, must(json.Marshal(env)))
		if !assert.Equal(t, want, got, "line %d", i) {
			return
		}
	}
}

// jsonValue decodes b keeping numbers exact, for comparing JSON values.
func jsonValue(t testing.TB, b []byte) any {
	t.Helper()
	var v any
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	require.NoError(t, dec.Decode(&v))
	return v
}
