"""Running a notebook in a real Jupyter kernel, and reading what its cells showed."""

from nbclient import NotebookClient


def execute(nb, folder, kernel_name="python3", timeout=180):
    """nb executed top to bottom in `folder` by the kernel `kernel_name`; errors stay in outputs."""
    client = NotebookClient(
        nb,
        timeout=timeout,
        kernel_name=kernel_name,
        allow_errors=True,
        resources={"metadata": {"path": str(folder)}},
    )
    return client.execute()


def errors(nb):
    """(first line of the cell, exception name) of every cell that raised."""
    return [
        (cell.source.splitlines()[0], output["ename"])
        for cell in nb.cells
        for output in cell.get("outputs", [])
        if output.get("output_type") == "error"
    ]


def shown(cell):
    """Everything a cell showed as text: printed, displayed, and any error."""
    return "".join(
        str(output.get("text", ""))
        + str(output.get("data", {}).get("text/plain", ""))
        + str(output.get("evalue", ""))
        + "".join(output.get("traceback", []))
        for output in cell.get("outputs", [])
    )


def plots_without_an_image(nb):
    """The first line of each code cell that draws (plt.show, plt.plot ...) but shows no image."""
    return [
        cell.source.splitlines()[0]
        for cell in nb.cells
        if cell.cell_type == "code"
        and "plt." in cell.source
        and not any("image/png" in output.get("data", {}) for output in cell.get("outputs", []))
    ]
