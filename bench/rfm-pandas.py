"""RFM_TABLE's definition (its contract with RFM_SCORE's quantile mode) in pandas, driven over stdin by bench/rfm.ts.

Each line is one order (no order ids); a line of value 0 or below is not a purchase (not counted, its date not a
purchase date) but nets off revenue; customers with no purchase are listed unscored and left out of the quantiles.
Cut points: Series.quantile (linear = PERCENTILE.INC, R type 7) at k/bins. F, M = 1 + cut points clearly below the
value; R = bins - cut points clearly below the day count; "clearly" = by more than 1e-9 relative, as core/tolerance.ts.
Commands: "run" times one computation (perf_counter, inside Python) and prints {"ms": ...}; "dump" prints the last
answer as columns; "quit" ends.
"""
import json, sys, time
import numpy as np
import pandas as pd

df = pd.read_csv(sys.argv[1], dtype={'customer': str})
as_of = int(sys.argv[2])
bins = int(sys.argv[3])
probs = [k / bins for k in range(1, bins)]


def passed(values, cuts):
    v = values.to_numpy(dtype=np.float64)
    count = np.zeros(len(v), dtype=np.int64)
    for c in cuts:
        count += v > c + 1e-9 * np.maximum(np.abs(v), abs(c))
    return count


def rfm():
    purchase = df['revenue'] > 0
    lines = pd.DataFrame({
        'customer': df['customer'],
        'purchase_date': df['date'].where(purchase),
        'purchase': purchase,
        'revenue': df['revenue'],
    })
    g = lines.groupby('customer', sort=False).agg(
        last=('purchase_date', 'max'), orders=('purchase', 'sum'), revenue=('revenue', 'sum'))
    g['recency'] = as_of - g['last']
    scored = g['orders'] > 0
    pop = g[scored]
    r_cuts = pop['recency'].quantile(probs).to_numpy()
    f_cuts = pop['orders'].quantile(probs).to_numpy()
    m_cuts = pop['revenue'].quantile(probs).to_numpy()
    g.loc[scored, 'R'] = bins - passed(pop['recency'], r_cuts)
    g.loc[scored, 'F'] = 1 + passed(pop['orders'], f_cuts)
    g.loc[scored, 'M'] = 1 + passed(pop['revenue'], m_cuts)
    return g


last = None
for command in sys.stdin:
    command = command.strip()
    if command == 'run':
        start = time.perf_counter()
        last = rfm()
        print(json.dumps({'ms': (time.perf_counter() - start) * 1000}), flush=True)
    elif command == 'dump':
        g = last if last is not None else rfm()
        col = lambda s: [None if pd.isna(x) else float(x) for x in s]
        print(json.dumps({
            'customer': [str(c) for c in g.index], 'recencyDays': col(g['recency']), 'orders': col(g['orders']),
            'revenue': col(g['revenue']), 'r': col(g['R']), 'f': col(g['F']), 'm': col(g['M']),
            'version': pd.__version__,
        }), flush=True)
    elif command == 'quit':
        break
