#!/usr/bin/python3
"""Writes a QGIS project holding the bench parcels (PostGIS) as layer "parcels", published for
WFS / OGC API - Features, for QGIS Server. Run with Debian's /usr/bin/python3 (python3-qgis):
  QT_QPA_PLATFORM=offscreen /usr/bin/python3 qgis_project.py PORT DBNAME OUT.qgs
"""
import os, sys
from qgis.core import QgsApplication, QgsProject, QgsVectorLayer, QgsDataSourceUri, QgsCoordinateReferenceSystem

port, dbname, out = sys.argv[1], sys.argv[2], sys.argv[3]
app = QgsApplication([], False)
app.initQgis()
uri = QgsDataSourceUri()
uri.setConnection("127.0.0.1", port, dbname, "postgres", "")
uri.setDataSource("public", "parcels", "geom", "", "id")
uri.setSrid("4490")
uri.setWkbType(3)  # Polygon
uri.setParam("checkPrimaryKeyUnicity", "0")
uri.setUseEstimatedMetadata(True)
layer = QgsVectorLayer(uri.uri(False), "parcels", "postgres")
if not layer.isValid():
    print("PostGIS layer not valid:", uri.uri(False), file=sys.stderr)
    os._exit(2)
p = QgsProject.instance()
p.setCrs(QgsCoordinateReferenceSystem("EPSG:4490"))
p.setTrustLayerMetadata(True)  # QGIS's own advice for servers: skip per-request metadata checks
p.addMapLayer(layer)
p.writeEntry("WFSLayers", "/", [layer.id()])
p.writeEntry("WFSLayersPrecision", "/" + layer.id(), 7)
p.writeEntry("WMSServiceCapabilities", "/", True)
p.writeEntry("WMSServiceTitle", "/", "bench parcels")
ok = p.write(out)
print("project written:", out, ok, layer.featureCount())
os._exit(0 if ok else 3)
