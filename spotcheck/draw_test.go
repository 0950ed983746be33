package spotcheck

import (
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestDrawGolden pins the draw: a sample drawn today must be drawn the
// same by a later avgaudit. A change here breaks every recorded seed.
func TestSampleDrawGolden(t *testing.T) {
	tests := []struct {
		n, size int
		seed    uint64
		want    []int
	}{
		{100, 5, 42, []int{9, 40, 79, 57, 80}},
		{10, 10, 1, []int{0, 9, 5, 7, 1, 4, 8, 2, 6, 3}},
		{1_000_000, 3, 20260901, []int{237145, 120402, 724892}},
	}
	for _, tt := range tests {
		if diff := cmp.Diff(tt.want, Draw(tt.n, tt.size, tt.seed)); diff != "" {
			t.Errorf("Draw(%d, %d, %d) (-want +got):\n%s", tt.n, tt.size, tt.seed, diff)
		}
	}
}

func TestSampleDraw(t *testing.T) {
	tests := []struct {
		name     string
		n, size  int
		wantSize int
	}{
		{"empty population", 0, 25, 0},
		{"one record", 1, 25, 1},
		{"smaller sample", 177, 25, 25},
		{"size equals population", 25, 25, 25},
		{"size above population", 9, 25, 9},
		{"large population", 5_000_000, 10, 10},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Draw(tt.n, tt.size, 7)
			if len(got) != tt.wantSize {
				t.Fatalf("drew %d, want %d", len(got), tt.wantSize)
			}
			seen := map[int]bool{}
			for _, i := range got {
				if i < 0 || i >= tt.n || seen[i] {
					t.Fatalf("index %d out of range or drawn twice: %v", i, got)
				}
				seen[i] = true
			}
			if !slices.Equal(got, Draw(tt.n, tt.size, 7)) {
				t.Error("the same seed drew another sample")
			}
			// A larger sample with the same seed starts with the smaller one.
			if more := Draw(tt.n, tt.size+5, 7); !slices.Equal(more[:len(got)], got) {
				t.Errorf("Draw with size %d does not extend size %d: %v, %v", tt.size+5, tt.size, more, got)
			}
		})
	}
}

func TestSampleDrawSeedsDiffer(t *testing.T) {
	a, b := Draw(177, 25, 1), Draw(177, 25, 2)
	if slices.Equal(a, b) {
		t.Errorf("seeds 1 and 2 drew the same sample %v", a)
	}
}

// TestDrawUniform draws one of 5 with many seeds: each must come up about
// equally often (a broken draw favours the low or high end).
func TestSampleDrawUniform(t *testing.T) {
	const n, draws = 5, 10_000
	counts := make([]int, n)
	for seed := range uint64(draws) {
		counts[Draw(n, 1, seed)[0]]++
	}
	for i, c := range counts {
		if c < draws/n*9/10 || c > draws/n*11/10 {
			t.Errorf("index %d drawn %d times of %d, want about %d: %v", i, c, draws, draws/n, counts)
		}
	}
}

func TestSampleRandomSeed(t *testing.T) {
	seen := map[uint64]bool{}
	for range 20 {
		s, err := RandomSeed()
		if err != nil {
			t.Fatal(err)
		}
		if s < 1 || s >= maxRandomSeed {
			t.Errorf("seed %d outside 1..%d", s, maxRandomSeed-1)
		}
		seen[s] = true
	}
	if len(seen) < 19 {
		t.Errorf("20 random seeds gave only %d different ones", len(seen))
	}
}
