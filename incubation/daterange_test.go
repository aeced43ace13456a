package incubation_test

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hubrules/hubrules"
	"github.com/hubrules/hubrules/incubation"
	"github.com/hubrules/hubrules/internal/datetest"
)

// A term end computed past 9999-12-31 could not be read back: the firing
// is refused at the date it came from, and the record is left as it was.
func TestINC_PERIOD_01_TermEndNeverPasses9999(t *testing.T) {
	m := machine(t)
	last := hubrules.MustParseDate("9999-12-31")
	rec := incubation.NewRecord("org-1")
	next, _, err := m.Fire(rec, incubation.Admit, admitFacts(), last)
	datetest.RequireRefused(t, err, "date")
	assert.Equal(t, rec, next)

	// the last admission whose term still ends in 9999 round-trips
	admitted, dec, err := m.Fire(rec, incubation.Admit, admitFacts(), hubrules.MustParseDate("9999-01-01"))
	require.NoError(t, err)
	require.True(t, dec.Fired())
	b, err := json.Marshal(admitted)
	require.NoError(t, err)
	back, err := incubation.DecodeRecord(b)
	require.NoError(t, err, "every date of the record reads back: %s", b)
	assert.Equal(t, admitted.TermEnd, back.TermEnd)

	// an extension past 9999-12-31 is refused at the term end it extends
	_, _, err = m.Fire(admitted, incubation.Extend, incubation.Facts{}, admitted.TermEnd)
	datetest.RequireRefused(t, err, "record.term_end")
}
