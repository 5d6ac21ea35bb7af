# A researcher's first hour: the stories export and the ratings CSV loaded into pandas with nothing but
# the dictionary's types (the README's lines), then counted and given Wilson intervals. Prints JSON.
import json, math, sys
import pandas as pd

dictionary_path, stories_path, ratings_path = sys.argv[1:4]

# --- as in the README ---
dictionary = {r['name']: r['schema'] for r in json.load(open(dictionary_path))['resources']}
load = lambda name, path: pd.read_csv(path, keep_default_na=False, na_values=dictionary[name]['missingValues'], dtype={f['name']: {'integer': 'Int64', 'number': 'Float64', 'boolean': 'boolean'}.get(f['type'], 'string') for f in dictionary[name]['fields']})
stories, ratings = load('stories', stories_path), load('ratings', ratings_path)
# ---


def wilson(k, n, z=1.96):
    p = k / n
    centre, half = p + z * z / (2 * n), z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n))
    return [round((centre - half) / (1 + z * z / n), 4), round((centre + half) / (1 + z * z / n), 4)]


by_month = stories.assign(verdict=stories['verdict'].fillna('unrated')).groupby(['submittedMonth', 'verdict']).size()
effective, ineffective = int((stories['verdict'] == 'effective').sum()), int((stories['verdict'] == 'ineffective').sum())
row = ratings.iloc[0]
count = lambda v: None if pd.isna(v) else int(v)  # a withheld cell is <NA>
share = lambda v: None if pd.isna(v) else float(v)
print(json.dumps({
    'dtypes': {**{f'stories.{k}': str(v) for k, v in stories.dtypes.items()}, **{f'ratings.{k}': str(v) for k, v in ratings.dtypes.items()}},
    'stories': {'rows': len(stories), 'effective': effective, 'ineffective': ineffective, 'unrated': int(stories['verdict'].isna().sum()),
                'ci95': wilson(effective, effective + ineffective),
                'byMonth': {f'{m}|{v}': int(c) for (m, v), c in by_month.items()},
                'multiCategory': int(stories['triageCategories'].str.contains(';', regex=False).sum())},
    'ratings': {'n': count(row['n']), 'effective': count(row['effective']), 'ineffective': count(row['ineffective']), 'unrated': count(row['unrated']),
                'ci95': [share(row['ciLower']), share(row['ciUpper'])], 'suppressed': bool(row['suppressed'])},
}))
