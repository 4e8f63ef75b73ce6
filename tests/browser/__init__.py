"""End-to-end tests: the course notebooks in JupyterLab in headless Chromium."""
