package funding_test

import (
	"testing"

	"github.com/hubrules/hubrules"
	"github.com/hubrules/hubrules/funding"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A comma separates thousands only: "1,50" might be a decimal comma and is
// refused rather than read as 150.00.
func TestParseMoney_CommasOnlyAsThousandsSeparators(t *testing.T) {
	for s, want := range map[string]string{"1,234.50": "1234.50", "12,345,678": "12345678.00", "-1,000.1": "-1000.10", "999": "999.00"} {
		m, err := funding.ParseMoney(s)
		require.NoError(t, err, s)
		assert.Equal(t, want, m.String(), s)
	}
	for _, s := range []string{"1,50", "1,2345", ",123", "1,234,56", "12.3,4", "1234,567"} {
		_, err := funding.ParseMoney(s)
		assert.ErrorIs(t, err, hubrules.ErrInvalidInput, s)
	}
}
