using ArtifactTools.Runtime;
using ArtifactTools.Training;

// Under the oneDNN cap in ONEDNN_MAX_CPU_ISA (unset: none): do the CPU's float32 backward kernels give the papers'
// network families float64's gradients? Exit 0 when all do, 1 when one does not (KernelProbeProcess reads the code).
NativeRuntime.Prepare(Workload.None);
return GradientProbe.AllFamiliesExact(Console.Out) ? KernelProbeProcess.Exact : KernelProbeProcess.Wrong;
