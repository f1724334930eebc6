select code, iso, name, name_en, aliases, centroid_lon, centroid_lat, code_kemendagri, geojson_code, is_focus
from provinces
order by code
