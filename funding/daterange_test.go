package funding_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hubrules/hubrules"
	"github.com/hubrules/hubrules/funding"
)

// A due date or a support period's end past 9999-12-31 could not be read
// back: the input is refused at the date it is computed from.
func TestFND_ComputedDatesNeverPass9999(t *testing.T) {
	last := hubrules.MustParseDate("9999-12-31")
	check := func(err error, path string) {
		t.Helper()
		var ie *hubrules.InputError
		require.ErrorAs(t, err, &ie)
		require.Len(t, ie.Fields, 1)
		assert.Equal(t, path, ie.Fields[0].Path)
		assert.Equal(t, "date_range", ie.Fields[0].Code)
		assert.Contains(t, ie.Fields[0].Message.EN, "would pass 9999-12-31")
	}
	_, err := ev(t, hubrules.Xiyuan).Start(funding.StartInput{Org: "o", Started: hubrules.MustParseDate("9999-06-01"), NormalOperation: true}, last)
	check(err, "started")
	_, err = ev(t, hubrules.Lujiazui).Support(hubrules.MustParseDate("9999-06-01"))
	check(err, "transformed")
	s, err := ev(t, hubrules.Lujiazui).Support(hubrules.MustParseDate("9990-06-01"))
	require.NoError(t, err)
	assert.True(t, s.End.InRange())
}
