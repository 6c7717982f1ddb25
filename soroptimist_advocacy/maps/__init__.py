"""World maps drawn on the server: no JavaScript, no GIS library, no Django models.

* ``svg.render_svg(countries, states, title)``: the map as one SVG document, a shape (or a
  marker) per country carrying ``data-country`` and its state's class, and a legend.
* ``svg.MapState`` and ``svg.MapCountry``: what a caller gives it (the campaign's and the
  directory's states live with them, in ``campaigns`` and ``directory``).
* ``figure.WorldMap``: a map as pages show it, its SVG followed by its data table.
* ``cache.cached_map(kind, inputs, draw)``: a drawn map kept in the shared cache, keyed by its
  inputs and language.
* ``png.svg_to_png(svg)`` and ``png.png_available()``: the PNG, with the optional CairoSVG.

Inside: ``world`` prepares the shapes once per process from ``data/`` (Natural Earth through
``world-atlas``, with ``topojson`` to read it, ``projection`` (Equal Earth) and ``simplify``).
"""
